import { randomUUID } from "node:crypto";
import { createTransport } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smtpTransport } from "./transport";

// The end-to-end mail server and the Playwright helper, tested together against real nodemailer
// output, so a change in how nodemailer encodes mail shows up here rather than as a flaky e2e.
type MailServerModule = {
  startTestMailServer(ports: { smtpPort: number; httpPort: number }): Promise<{
    smtpPort: number;
    httpPort: number;
    close(): Promise<void>;
  }>;
};
type MailboxModule = typeof import("@/e2e/fixtures/mailbox");

let server: Awaited<ReturnType<MailServerModule["startTestMailServer"]>>;
let mailbox: MailboxModule;
let smtpUrl: string;

beforeAll(async () => {
  const scriptUrl = new URL("../../scripts/e2e-mail-server.mjs", import.meta.url).href;
  const { startTestMailServer } = (await import(/* @vite-ignore */ scriptUrl)) as MailServerModule;
  server = await startTestMailServer({ smtpPort: 0, httpPort: 0 });
  smtpUrl = `smtp://127.0.0.1:${server.smtpPort}`;
  process.env.E2E_MAIL_HTTP_PORT = String(server.httpPort); // read when the helper loads
  mailbox = await import("@/e2e/fixtures/mailbox");
});
afterAll(async () => {
  await server?.close();
});

const address = () => `${randomUUID()}@example.test`;
const token = "a1b2c3d4".repeat(12);
const longLink = `https://app.example.test/verify-email?token=${token}&next=%2Faccount`;

describe("e2e mail server and mailbox helper", () => {
  it("reads a quoted-printable text part with a long link and a non-ASCII subject", async () => {
    const to = address();
    const transport = smtpTransport(smtpUrl, "Privacy Center <pc@example.test>");
    await transport.send({
      from: transport.from,
      to,
      subject: "Bestätigen Sie Ihre Adresse — ✓",
      text: `Grüße!\n\nOpen this link:\n${longLink}\n`,
      html: `<p>HTML only: <a href="https://app.example.test/html-only">x</a></p>`,
    });
    const mail = await mailbox.waitForMail(to, { subject: /Bestätigen/ });
    expect(mail.subject).toBe("Bestätigen Sie Ihre Adresse — ✓");
    expect(mail.to).toBe(to);
    expect(mail.raw).toMatch(/Content-Transfer-Encoding: quoted-printable/i); // the case under test
    expect(mail.text).toContain("Grüße!");
    expect(mail.text).not.toContain("HTML only");
    expect(mailbox.extractLink(mail.text, "/verify-email")).toBe(longLink);
  });

  it("reads base64 bodies, filters by recipient, subject and time, newest first", async () => {
    const to = address();
    const other = address();
    const raw = createTransport({ host: "127.0.0.1", port: server.smtpPort, secure: false });
    const send = (recipient: string, subject: string) =>
      raw.sendMail({
        from: "pc@example.test",
        to: recipient,
        subject,
        text: `Body of ${subject} — ü`,
        textEncoding: "base64",
      });
    await send(to, "First");
    const between = new Date();
    await send(to, "Second");
    await send(other, "Elsewhere");

    expect((await mailbox.waitForMail(to)).subject).toBe("Second");
    const first = await mailbox.waitForMail(to, { subject: /First/ });
    expect(first.raw).toMatch(/Content-Transfer-Encoding: base64/i);
    expect(first.text).toBe("Body of First — ü");
    expect((await mailbox.waitForMail(to, { after: between })).subject).toBe("Second");
    await expect(mailbox.waitForMail(to, { subject: /Elsewhere/, timeoutMs: 300 })).rejects.toThrow(
      /No mail to .* with subject \/Elsewhere\/ .*\n.*"Second"/,
    );

    const base = `http://127.0.0.1:${server.httpPort}/messages`;
    await fetch(`${base}?to=${encodeURIComponent(to)}`, { method: "DELETE" });
    const list = async (a: string) =>
      (await (await fetch(`${base}?to=${encodeURIComponent(a)}`)).json()) as unknown[];
    expect(await list(other)).toHaveLength(1);
    expect(await list(to)).toEqual([]);
  });

  it("extractLink picks the first link under the prefix and explains a miss", () => {
    const text =
      "See https://a.test/other and https://a.test/account/x?y=1, or https://a.test/account/z.";
    expect(mailbox.extractLink(text, "/account/")).toBe("https://a.test/account/x?y=1");
    expect(() => mailbox.extractLink(text, "/verify")).toThrow(
      /No link starting with \/verify .*https:\/\/a\.test\/other/,
    );
  });
});
