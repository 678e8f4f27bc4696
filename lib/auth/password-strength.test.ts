import { describe, expect, it } from "vitest";
import { passwordWeakness } from "./password-strength";
import { hashPassword, needsRehash, verifyPassword } from "./password";

describe("password policy", () => {
  it("refuses common passwords with a reason", () => {
    expect(passwordWeakness("password123")).toBe("validation.password.common");
    expect(passwordWeakness("qwertyuiop")).toMatch(/^validation\.password\.(common|guessable)$/);
  });

  it("refuses passwords made of the person's own details", () => {
    expect(passwordWeakness("janssen2024", ["m.janssen@example.com"])).toBe(
      "validation.password.guessable",
    );
  });

  it("accepts a long, unrelated phrase", () => {
    expect(passwordWeakness("violet-tractor-harbour-97")).toBeNull();
  });
});

describe("argon2id hashing", () => {
  it("verifies the right password only, with at least the OWASP minimum parameters", async () => {
    const hashed = await hashPassword("violet-tractor-harbour-97");
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hashed, "violet-tractor-harbour-97")).toBe(true);
    expect(await verifyPassword(hashed, "violet-tractor-harbour-98")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
    expect(needsRehash(hashed)).toBe(false);
  });

  it("asks for a rehash when the stored parameters are weaker", () => {
    expect(needsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")).toBe(true);
    expect(needsRehash("$argon2i$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA")).toBe(true);
  });
});
