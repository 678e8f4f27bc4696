import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { computeLegacyAuditHash, GENESIS_HASH, type AuditHashInput } from "./chain";

const row: AuditHashInput = {
  id: 42,
  occurredAt: new Date("2025-03-04T05:06:07.890Z"),
  actorRole: "admin",
  action: "support.grant",
  targetType: "grant",
  targetId: "g-1",
};

describe("computeLegacyAuditHash", () => {
  it("is a deterministic SHA-256 hex digest", () => {
    const hash = computeLegacyAuditHash(GENESIS_HASH, row);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      computeLegacyAuditHash(GENESIS_HASH, { ...row, occurredAt: new Date(row.occurredAt) }),
    ).toBe(hash);
    expect(GENESIS_HASH).toBe("0".repeat(64));
  });

  it("changes when the previous hash or any hashed field changes", () => {
    const base = computeLegacyAuditHash(GENESIS_HASH, row);
    const variants: AuditHashInput[] = [
      { ...row, id: 43 },
      { ...row, occurredAt: new Date(row.occurredAt.getTime() + 1) },
      { ...row, actorRole: "agent" },
      { ...row, action: "support.revoke" },
      { ...row, targetType: null },
      { ...row, targetType: "" },
      { ...row, targetId: null },
      { ...row, targetId: "g-2" },
    ];
    const hashes = variants.map((v) => computeLegacyAuditHash(GENESIS_HASH, v));
    for (const h of hashes) expect(h).not.toBe(base);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(computeLegacyAuditHash("f".repeat(64), row)).not.toBe(base);
  });

  it("keeps field boundaries unambiguous", () => {
    const a = computeLegacyAuditHash(GENESIS_HASH, { ...row, targetType: "ab", targetId: "c" });
    const b = computeLegacyAuditHash(GENESIS_HASH, { ...row, targetType: "a", targetId: "bc" });
    expect(a).not.toBe(b);
  });

  it("ignores personal fields, so erasing them keeps the chain valid", () => {
    const base = computeLegacyAuditHash(GENESIS_HASH, row);
    const withPersonal = {
      ...row,
      actorId: "7b0e0c8e-31a4-4d8f-9b1e-1a2b3c4d5e6f",
      subjectId: "11111111-2222-4333-8444-555555555555",
      ip: "203.0.113.9",
      details: { email: "someone@example.com" },
    };
    expect(computeLegacyAuditHash(GENESIS_HASH, withPersonal)).toBe(base);
    const erased = { ...withPersonal, actorId: null, subjectId: null, ip: null, details: null };
    expect(computeLegacyAuditHash(GENESIS_HASH, erased)).toBe(base);
  });

  it("hashes occurredAt at millisecond precision, whatever offset it was written with", () => {
    const base = computeLegacyAuditHash(GENESIS_HASH, row);
    // The same instant written with an offset is the same Date.
    const offset = { ...row, occurredAt: new Date("2025-03-04T06:06:07.890+01:00") };
    expect(computeLegacyAuditHash(GENESIS_HASH, offset)).toBe(base);
    // One millisecond apart is a different hash; the ms are part of the encoding.
    const plusOneMs = { ...row, occurredAt: new Date("2025-03-04T05:06:07.891Z") };
    expect(computeLegacyAuditHash(GENESIS_HASH, plusOneMs)).not.toBe(base);
  });

  it("pins the encoding: changing it would invalidate every stored chain", () => {
    const encoded = JSON.stringify([
      GENESIS_HASH,
      42,
      "2025-03-04T05:06:07.890Z",
      "admin",
      "support.grant",
      "grant",
      "g-1",
    ]);
    const expected = createHash("sha256").update(encoded).digest("hex");
    expect(computeLegacyAuditHash(GENESIS_HASH, row)).toBe(expected);
  });

  it("throws on an invalid date rather than hashing garbage", () => {
    const invalid = { ...row, occurredAt: new Date("nope") };
    expect(() => computeLegacyAuditHash(GENESIS_HASH, invalid)).toThrow(RangeError);
  });
});
