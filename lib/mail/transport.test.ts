import { createServer, type AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { redactSecrets, smtpTransport } from "./transport";

describe("redactSecrets", () => {
  it("removes the userinfo of URLs, whatever the scheme", () => {
    const text = "to smtps://mailer:p@ss@mail.example.test:465 failed; see postgres://a:b@db/x";
    expect(redactSecrets(text)).toBe(
      "to smtps://***@mail.example.test:465 failed; see postgres://***@db/x",
    );
  });

  it("removes given secrets and keeps the text short", () => {
    expect(redactSecrets("auth failed for hunter22", ["hunter22"])).toBe("auth failed for ***");
    const long = redactSecrets("x".repeat(2000));
    expect(long.length).toBe(500);
  });
});

describe("smtpTransport", () => {
  it("throws errors that carry neither the password nor nodemailer's extra fields", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const transport = smtpTransport(`smtp://someone:s3cret-pw@127.0.0.1:${port}`, "a@example.test");
    expect(transport.from).toBe("a@example.test");
    const error = await transport
      .send({ from: transport.from, to: "b@example.test", subject: "s", text: "t" })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain("s3cret");
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect(Object.keys(error as object)).toEqual(["code"]);
  });
});
