import { createHmac } from "node:crypto";
import { sha256Hex } from "@/lib/crypto";

/** The `prev_hash` of the first row: nothing came before it. */
export const GENESIS_HASH = "0".repeat(64);

/** The non-personal fields of an audit row, which every hash covers. */
export type AuditHashInput = {
  id: number;
  occurredAt: Date;
  actorRole: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
};

/** The personal fields of an audit row, covered through the keyed personal digest. */
export type AuditPersonalInput = {
  actorId: string | null;
  subjectId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
};

/**
 * The LEGACY hash, of rows written before the keyed chain (their personal_digest is null):
 * SHA-256 over the previous row's hash and the row's non-personal fields (id, occurred_at,
 * actor_role, action, target_type, target_id), unkeyed. Kept only to verify those rows; new rows
 * use computeKeyedAuditHash.
 *
 * The encoding is a JSON array, so field boundaries are unambiguous ("a","bc" ≠ "ab","c") and
 * null stays distinct from "". occurredAt is ISO-8601 UTC with milliseconds — the precision of a
 * JS Date; writeAudit stores exactly that so the value read back hashes the same. Changing this
 * encoding invalidates every existing chain.
 */
export function computeLegacyAuditHash(prevHash: string, row: AuditHashInput): string {
  return sha256Hex(
    JSON.stringify([
      prevHash,
      row.id,
      row.occurredAt.toISOString(),
      row.actorRole,
      row.action,
      row.targetType,
      row.targetId,
    ]),
  );
}

/**
 * A JSON value with every object's keys sorted, recursively: jsonb does not keep key order, so
 * the digest must not depend on it. Values must already be JSON (see normaliseDetails).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** details as the database will give them back: a JSON round trip (Dates become strings…). */
export function normaliseDetails(
  details: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  return details == null ? null : (JSON.parse(JSON.stringify(details)) as Record<string, unknown>);
}

const hmacHex = (key: Buffer, data: string) => createHmac("sha256", key).update(data).digest("hex");

/**
 * The keyed digest of a row's personal fields and its random salt, stored beside them in
 * personal_digest. Erasure clears the fields and the salt but keeps the digest, which the row's
 * hash covers: the chain still verifies, and without the salt even the key holder cannot test a
 * guess of what was erased.
 */
export function computePersonalDigest(
  key: Buffer,
  salt: string,
  personal: AuditPersonalInput,
): string {
  return hmacHex(
    key,
    JSON.stringify([
      "pc-audit-personal-v2",
      salt,
      personal.actorId,
      personal.subjectId,
      personal.ip,
      personal.details === null ? null : canonicalJson(personal.details),
    ]),
  );
}

/**
 * The hash of a keyed row: HMAC-SHA256 (audit key) over the previous row's hash, every
 * non-personal field and the personal digest — so every field of the row is covered, and no one
 * without the key can recompute a hash after changing a row. Same encoding rules as the legacy
 * hash; the leading tag keeps the two formats apart.
 */
export function computeKeyedAuditHash(
  key: Buffer,
  prevHash: string,
  row: AuditHashInput & { personalDigest: string },
): string {
  return hmacHex(
    key,
    JSON.stringify([
      "pc-audit-v2",
      prevHash,
      row.id,
      row.occurredAt.toISOString(),
      row.actorRole,
      row.action,
      row.targetType,
      row.targetId,
      row.personalDigest,
    ]),
  );
}
