import { sha256Hex } from "@/lib/crypto";

/** The `prev_hash` of the first row: nothing came before it. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit row that the chain covers. */
export type AuditHashInput = {
  id: number;
  occurredAt: Date;
  actorRole: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
};

/**
 * The hash of one audit row: SHA-256 over the previous row's hash and this row's non-personal
 * fields, as db/schema/system.ts documents (id, occurred_at, actor_role, action, target_type,
 * target_id). The id is covered so a row cannot be renumbered unnoticed.
 *
 * The personal fields (actor_id, subject_id, ip, details) are deliberately NOT inputs: erasure
 * clears them (the only UPDATE the append-only trigger allows) and the chain must stay valid
 * afterwards. Adding one here would make every erased row look tampered with.
 *
 * The encoding is a JSON array, so field boundaries are unambiguous ("a","bc" ≠ "ab","c") and
 * null stays distinct from "". occurredAt is ISO-8601 UTC with milliseconds — the precision of a
 * JS Date; writeAudit stores exactly that so the value read back hashes the same. Changing this
 * encoding invalidates every existing chain.
 */
export function computeAuditHash(prevHash: string, row: AuditHashInput): string {
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
