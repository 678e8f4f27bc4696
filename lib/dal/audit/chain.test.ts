import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  computeKeyedAuditHash,
  computeLegacyAuditHash,
  computePersonalDigest,
  GENESIS_HASH,
  normaliseDetails,
  type AuditHashInput,
  type AuditPersonalInput,
} from "./chain";

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

const key = Buffer.from("a test key of thirty-two characters!", "utf8");
const salt = "00112233445566778899aabbccddeeff";
const personal: AuditPersonalInput = {
  actorId: "7b0e0c8e-31a4-4d8f-9b1e-1a2b3c4d5e6f",
  subjectId: "11111111-2222-4333-8444-555555555555",
  ip: "203.0.113.9",
  details: { email: "someone@example.com", changed: ["name"] },
};

describe("computePersonalDigest", () => {
  it("pins the encoding: an HMAC-SHA256 over the tag, salt and personal fields", () => {
    const encoded = JSON.stringify([
      "pc-audit-personal-v2",
      salt,
      personal.actorId,
      personal.subjectId,
      personal.ip,
      '{"changed":["name"],"email":"someone@example.com"}',
    ]);
    const expected = createHmac("sha256", key).update(encoded).digest("hex");
    expect(computePersonalDigest(key, salt, personal)).toBe(expected);
  });

  it("changes with every personal field, the salt and the key, not with key order", () => {
    const base = computePersonalDigest(key, salt, personal);
    const variants = [
      computePersonalDigest(key, salt, { ...personal, actorId: null }),
      computePersonalDigest(key, salt, { ...personal, subjectId: null }),
      computePersonalDigest(key, salt, { ...personal, subjectId: personal.actorId }),
      computePersonalDigest(key, salt, { ...personal, ip: null }),
      computePersonalDigest(key, salt, { ...personal, ip: "203.0.113.10" }),
      computePersonalDigest(key, salt, { ...personal, details: null }),
      computePersonalDigest(key, salt, { ...personal, details: {} }),
      computePersonalDigest(key, salt, { ...personal, details: { email: "someone@example.com" } }),
      computePersonalDigest(key, "ffeeddccbbaa99887766554433221100", personal),
      computePersonalDigest(Buffer.from("another key of thirty-two characters"), salt, personal),
    ];
    for (const v of variants) expect(v).not.toBe(base);
    expect(new Set(variants).size).toBe(variants.length);
    const reordered = { changed: ["name"], email: "someone@example.com" };
    expect(computePersonalDigest(key, salt, { ...personal, details: reordered })).toBe(base);
  });
});

describe("computeKeyedAuditHash", () => {
  const keyed = { ...row, personalDigest: "d".repeat(64) };

  it("pins the encoding: an HMAC-SHA256 over the tag, previous hash, fields and digest", () => {
    const encoded = JSON.stringify([
      "pc-audit-v2",
      GENESIS_HASH,
      42,
      "2025-03-04T05:06:07.890Z",
      "admin",
      "support.grant",
      "grant",
      "g-1",
      "d".repeat(64),
    ]);
    const expected = createHmac("sha256", key).update(encoded).digest("hex");
    expect(computeKeyedAuditHash(key, GENESIS_HASH, keyed)).toBe(expected);
  });

  it("changes with the previous hash, every field, the digest and the key", () => {
    const base = computeKeyedAuditHash(key, GENESIS_HASH, keyed);
    const variants = [
      computeKeyedAuditHash(key, "f".repeat(64), keyed),
      computeKeyedAuditHash(key, GENESIS_HASH, { ...keyed, id: 43 }),
      computeKeyedAuditHash(key, GENESIS_HASH, {
        ...keyed,
        occurredAt: new Date(row.occurredAt.getTime() + 1),
      }),
      computeKeyedAuditHash(key, GENESIS_HASH, { ...keyed, actorRole: "agent" }),
      computeKeyedAuditHash(key, GENESIS_HASH, { ...keyed, action: "support.revoke" }),
      computeKeyedAuditHash(key, GENESIS_HASH, { ...keyed, targetType: null }),
      computeKeyedAuditHash(key, GENESIS_HASH, { ...keyed, targetId: "g-2" }),
      computeKeyedAuditHash(key, GENESIS_HASH, { ...keyed, personalDigest: "e".repeat(64) }),
      computeKeyedAuditHash(Buffer.from("x".repeat(32)), GENESIS_HASH, keyed),
      computeLegacyAuditHash(GENESIS_HASH, row),
    ];
    for (const v of variants) expect(v).not.toBe(base);
    expect(new Set(variants).size).toBe(variants.length);
  });
});

describe("canonicalJson and normaliseDetails", () => {
  it("sorts keys at every depth and drops undefined, as jsonb gives them back", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: "s" }], c: true }, u: undefined })).toBe(
      '{"a":{"c":true,"d":[3,{"y":"s","z":null}]},"b":1}',
    );
    expect(canonicalJson(null)).toBe("null");
    expect(canonicalJson("x")).toBe('"x"');
  });

  it("turns details into what the database stores: dates become strings, undefined goes", () => {
    const at = new Date("2025-03-04T05:06:07.890Z");
    expect(normaliseDetails({ at, gone: undefined, n: 1 })).toEqual({
      at: "2025-03-04T05:06:07.890Z",
      n: 1,
    });
    expect(normaliseDetails(undefined)).toBeNull();
    expect(normaliseDetails(null)).toBeNull();
  });
});
