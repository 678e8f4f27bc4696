import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { DbHandle } from "@/db";
import { auditLog } from "@/db/schema";
import { computeKeyedAuditHash, computeLegacyAuditHash, GENESIS_HASH } from "./chain";
import { eraseAuditPersonalData } from "./erase";
import { auditKey } from "./key";
import { createScratchDatabase, tamper, type ScratchDatabase } from "./testing";
import { verifyAuditChain, type AuditChainResult } from "./verify";
import { writeAudit } from "./write";

// Breaking the chain here would break it for every other test file sharing the database, so each
// test gets a database of its own (a new one on the PostgreSQL server, or a new PGlite).
const baseUrl = process.env.DATABASE_URL || undefined;
let scratch: ScratchDatabase | undefined;
let tempDir: string | undefined;
afterEach(async () => {
  await scratch?.drop();
  scratch = undefined;
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
  tempDir = undefined;
});

// Every test migrates a new database first: slow on a loaded machine.
const scratchTest = { timeout: 180_000 };

const SUBJECT = "11111111-2222-4333-8444-555555555555";

async function seed(handle: DbHandle, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const written = await handle.db.transaction((tx) =>
      writeAudit(tx, {
        actorId: randomUUID(),
        actorRole: "user",
        subjectId: SUBJECT,
        action: "item.delete",
        targetId: `item-${i}`,
        ip: "203.0.113.7",
        details: { email: `someone${i}@example.com`, items: [i, "x"] },
      }),
    );
    ids.push(written.id);
  }
  return ids;
}

const rowOf = async (handle: DbHandle, id: number) =>
  (await handle.db.select().from(auditLog).where(eq(auditLog.id, id)))[0]!;

/** Verification without a checkpoint file, unless a test gives one. */
const verify = (handle: DbHandle, opts: Parameters<typeof verifyAuditChain>[1] = {}) =>
  verifyAuditChain(handle.db, { batchSize: 2, checkpointFile: null, ...opts });

const reasons = (result: AuditChainResult) => result.breaks.map((b) => [b.id, b.reason]);

async function newCheckpointFile() {
  tempDir = await mkdtemp(path.join(tmpdir(), "pc-audit-cp-"));
  return path.join(tempDir, "checkpoints.jsonl");
}

describe("the audit_log trigger", scratchTest, () => {
  it("refuses wiping or changing personal fields, and every other UPDATE or DELETE", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const [id] = await seed(handle, 1);
    const before = await rowOf(handle, id!);
    const statements = [
      `update audit_log set actor_id = null, subject_id = null where id = ${id}`,
      `update audit_log set actor_id = null where id = ${id}`,
      `update audit_log set subject_id = null where id = ${id}`,
      `update audit_log set ip = null where id = ${id}`,
      `update audit_log set details = null where id = ${id}`,
      `update audit_log set details = '{"email":"other@example.com"}' where id = ${id}`,
      `update audit_log set personal_digest = null where id = ${id}`,
      `update audit_log set action = 'auth.sign_in' where id = ${id}`,
      `delete from audit_log where id = ${id}`,
    ];
    for (const statement of statements) {
      await expect(handle.query(statement), statement).rejects.toThrow(/append-only/);
    }
    expect(await rowOf(handle, id!)).toEqual(before);
  });

  it("allows only clearing every personal field at once, inside the erasure setting", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const [id] = await seed(handle, 1);
    const before = await rowOf(handle, id!);
    const underErasure = (statement: string) =>
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('pc.audit_erasure', 'on', true)`);
        await tx.execute(sql.raw(statement));
      });
    for (const statement of [
      // Only some personal fields, or the digest or a hashed field along with them.
      `update audit_log set actor_id = null, subject_id = null where id = ${id}`,
      `update audit_log set actor_id = null, subject_id = null, ip = null, details = null where id = ${id}`,
      `update audit_log set actor_id = null, subject_id = null, ip = null, details = null, personal_salt = null, personal_digest = null where id = ${id}`,
      `update audit_log set actor_id = null, subject_id = null, ip = null, details = null, personal_salt = null, action = 'auth.sign_in' where id = ${id}`,
      `update audit_log set subject_id = '${randomUUID()}' where id = ${id}`,
    ]) {
      await expect(underErasure(statement), statement).rejects.toMatchObject({
        message: expect.stringMatching(/erasure may only clear/),
      });
    }
    expect(await rowOf(handle, id!)).toEqual(before);
  });
});

describe("verifyAuditChain against a tampering superuser", scratchTest, () => {
  it("reports a changed hashed field as hash_mismatch at that row", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const ids = await seed(handle, 5);
    const target = ids[2]!;
    const stored = (await rowOf(handle, target)).hash;
    // Each change is undone before the next, so every one is caught on its own.
    const changes = [
      ["action = 'auth.sign_in'", "action = 'item.delete'"],
      ["actor_role = 'admin'", "actor_role = 'user'"],
      ["target_id = null", "target_id = 'item-2'"],
      [
        "occurred_at = occurred_at + interval '1 millisecond'",
        "occurred_at = occurred_at - interval '1 millisecond'",
      ],
    ];
    for (const [change, undo] of changes) {
      await tamper(handle, `update audit_log set ${change} where id = ${target}`);
      const result = await verify(handle);
      expect(result, change).toMatchObject({ ok: false, checked: 5, moreBreaks: 0 });
      expect(result.breaks, change).toEqual([
        {
          id: target,
          reason: "hash_mismatch",
          expected: expect.stringMatching(/^[0-9a-f]{64}$/),
          found: stored,
          message: expect.stringContaining(`Row ${target} was altered`),
        },
      ]);
      await tamper(handle, `update audit_log set ${undo} where id = ${target}`);
      expect(await verify(handle), undo).toMatchObject({ ok: true, checked: 5, breaks: [] });
    }
  });

  it("reports changed or wiped actor, subject, IP or details as personal_mismatch at that row", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const ids = await seed(handle, 4);
    const target = ids[1]!;
    const original = await rowOf(handle, target);
    const restore = `update audit_log set actor_id = '${original.actorId}', subject_id = '${SUBJECT}', ip = '203.0.113.7', details = '${JSON.stringify(original.details)}' where id = ${target}`;
    const changes = [
      "actor_id = null, subject_id = null",
      `subject_id = '${randomUUID()}'`,
      "actor_id = null",
      "ip = '198.51.100.1'",
      "ip = null",
      `details = '{"email":"someone1@example.com","items":[1,"y"]}'`,
      "details = null",
    ];
    for (const change of changes) {
      await tamper(handle, `update audit_log set ${change} where id = ${target}`);
      const result = await verify(handle);
      expect(result.ok, change).toBe(false);
      expect(reasons(result), change).toEqual([[target, "personal_mismatch"]]);
      expect(result.breaks[0]!.message).toBe(
        `Row ${target}'s actor, subject, IP or details were altered after it was written.`,
      );
      await tamper(handle, restore);
      expect(await verify(handle), `${change} undone`).toMatchObject({ ok: true, checked: 4 });
    }
  });

  it("catches an edit made with the trigger bypassed through session_replication_role", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const ids = await seed(handle, 3);
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(
        sql`update audit_log set actor_id = null, subject_id = null where id = ${ids[0]}`,
      );
    });
    const row = await rowOf(handle, ids[0]!);
    expect([row.actorId, row.subjectId]).toEqual([null, null]);
    expect(reasons(await verify(handle))).toEqual([[ids[0], "personal_mismatch"]]);
  });

  it("reports a deleted row as prev_hash_mismatch at the next row", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const ids = await seed(handle, 5);
    const [before, deleted] = [
      (await rowOf(handle, ids[1]!)).hash,
      (await rowOf(handle, ids[2]!)).hash,
    ];
    await tamper(handle, `delete from audit_log where id = ${ids[2]}`);
    const result = await verify(handle);
    expect(result).toMatchObject({ ok: false, checked: 4 });
    expect(result.breaks).toEqual([
      {
        id: ids[3],
        reason: "prev_hash_mismatch",
        expected: before,
        found: deleted,
        message: `Row ${ids[3]} does not link to row ${ids[1]}: a row between them was deleted, or links were rewritten.`,
      },
    ]);
  });

  it("reports a deleted first row as missing_row at the new first row", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const ids = await seed(handle, 3);
    await tamper(handle, `delete from audit_log where id = ${ids[0]}`);
    const result = await verify(handle);
    expect(result).toMatchObject({ ok: false, checked: 2 });
    expect(reasons(result)).toEqual([[ids[1], "missing_row"]]);
    expect(result.breaks[0]!.expected).toBe(GENESIS_HASH);
  });

  it("catches a changed row whose hash was recomputed: without the key at that row, with it at the next", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const ids = await seed(handle, 4);
    const row = await rowOf(handle, ids[1]!);
    const changed = { ...row, action: "auth.sign_in", personalDigest: row.personalDigest! };

    // An attacker without the key can only recompute an unkeyed hash.
    const unkeyed = computeLegacyAuditHash(row.prevHash, changed);
    await tamper(
      handle,
      `update audit_log set action = 'auth.sign_in', hash = '${unkeyed}' where id = ${ids[1]}`,
    );
    expect(reasons(await verify(handle))).toEqual([
      [ids[1], "hash_mismatch"],
      [ids[2], "prev_hash_mismatch"],
    ]);

    // With the key, the row itself checks out, but the next row still links to the old hash.
    const forged = computeKeyedAuditHash(auditKey(), row.prevHash, changed);
    await tamper(handle, `update audit_log set hash = '${forged}' where id = ${ids[1]}`);
    const result = await verify(handle);
    expect(result.breaks).toEqual([
      expect.objectContaining({
        id: ids[2],
        reason: "prev_hash_mismatch",
        expected: forged,
        found: row.hash,
      }),
    ]);
  });

  it("reports a removed digest as legacy_after_keyed", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const ids = await seed(handle, 3);
    await tamper(handle, `update audit_log set personal_digest = null where id = ${ids[2]}`);
    expect(reasons(await verify(handle))).toEqual([[ids[2], "legacy_after_keyed"]]);
  });

  it("fails every row when checked with another key", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const ids = await seed(handle, 3);
    expect(await verify(handle)).toMatchObject({ ok: true, checked: 3 });
    const wrongKey = Buffer.from("not the audit key, but 32 characters or more", "utf8");
    const result = await verify(handle, { key: wrongKey });
    expect(result).toMatchObject({ ok: false, checked: 3 });
    expect(reasons(result)).toEqual(
      ids.flatMap((id) => [
        [id, "hash_mismatch"],
        [id, "personal_mismatch"],
      ]),
    );
  });
});

describe("checkpoints of the chain head", scratchTest, () => {
  it("detect the 3 newest rows deleted, which the chain alone cannot", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const checkpointFile = await newCheckpointFile();
    const ids = await seed(handle, 6);
    const intact = await verify(handle, { checkpointFile });
    expect(intact).toMatchObject({ ok: true, checked: 6, lastId: ids[5], checkpoint: null });
    const lines = (await readFile(checkpointFile, "utf8")).trim().split("\n");
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { id: ids[5], hash: intact.lastHash, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    ]);

    for (const id of ids.slice(3)) await tamper(handle, `delete from audit_log where id = ${id}`);
    // What remains still links up: only the checkpoint shows what is gone.
    expect(await verify(handle)).toMatchObject({ ok: true, checked: 3 });
    const result = await verify(handle, { checkpointFile });
    expect(result).toMatchObject({ ok: false, checked: 3, lastId: ids[2] });
    expect(result.breaks).toEqual([
      {
        id: ids[5],
        reason: "checkpoint_missing",
        expected: intact.lastHash,
        found: "",
        message: expect.stringContaining(
          `is gone: the log ends at row ${ids[2]}, so the rows after it were deleted.`,
        ),
      },
    ]);
    // A broken log records no new checkpoint: the evidence stays.
    expect((await readFile(checkpointFile, "utf8")).trim().split("\n")).toHaveLength(1);
  });

  it("detect the newest row rewritten by someone holding the key", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const checkpointFile = await newCheckpointFile();
    const ids = await seed(handle, 3);
    expect(await verify(handle, { checkpointFile })).toMatchObject({ ok: true });
    const row = await rowOf(handle, ids[2]!);
    const forged = computeKeyedAuditHash(auditKey(), row.prevHash, {
      ...row,
      action: "auth.sign_in",
      personalDigest: row.personalDigest!,
    });
    await tamper(
      handle,
      `update audit_log set action = 'auth.sign_in', hash = '${forged}' where id = ${ids[2]}`,
    );
    expect(await verify(handle)).toMatchObject({ ok: true });
    const result = await verify(handle, { checkpointFile });
    expect(result.breaks).toEqual([
      expect.objectContaining({
        id: ids[2],
        reason: "checkpoint_mismatch",
        expected: row.hash,
        found: forged,
      }),
    ]);
  });
});

describe("erasure of the personal fields", scratchTest, () => {
  it("clears them, keeps digest and hash, and the chain still verifies", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const ids = await seed(handle, 2);
    const other = await handle.db.transaction((tx) =>
      writeAudit(tx, { actorId: randomUUID(), actorRole: "user", action: "item.delete" }),
    );
    const before = await rowOf(handle, ids[0]!);

    const erased = await handle.db.transaction(async (tx) => {
      const count = await eraseAuditPersonalData(tx, SUBJECT);
      // The erasure setting is off again for the rest of the transaction (a savepoint keeps the
      // refused statement from aborting it).
      const after = tx.transaction((sp) =>
        sp.execute(sql`update audit_log set actor_id = null where id = ${other.id}`),
      );
      await expect(after).rejects.toMatchObject({
        message: expect.stringMatching(/append-only/),
      });
      return count;
    });
    expect(erased).toBe(2);

    const after = await rowOf(handle, ids[0]!);
    expect(after).toEqual({
      ...before,
      actorId: null,
      subjectId: null,
      ip: null,
      details: null,
      personalSalt: null,
    });
    expect((await rowOf(handle, other.id)).actorId).not.toBeNull();
    expect(await verify(handle)).toMatchObject({ ok: true, checked: 3, breaks: [] });

    // Personal fields written back onto an erased row are caught.
    await tamper(handle, `update audit_log set subject_id = '${SUBJECT}' where id = ${ids[1]}`);
    const result = await verify(handle);
    expect(reasons(result)).toEqual([[ids[1], "personal_mismatch"]]);
    expect(result.breaks[0]!.message).toContain("was erased but holds personal fields again");
  });
});

describe("rows written before the keyed chain", scratchTest, () => {
  /** What the previous code wrote: an unkeyed hash over the non-personal fields, no digest. */
  async function writeLegacy(handle: DbHandle, prevHash: string, action: string) {
    const [next] = await handle.query<{ id: string }>(
      "select nextval(pg_get_serial_sequence('audit_log', 'id'))::text as id",
    );
    const row = {
      id: Number(next!.id),
      occurredAt: new Date("2025-01-02T03:04:05.006Z"),
      actorRole: "user",
      action,
      targetType: null,
      targetId: null,
    };
    const hash = computeLegacyAuditHash(prevHash, row);
    await handle.db
      .insert(auditLog)
      .overridingSystemValue()
      .values({ ...row, actorId: randomUUID(), ip: "203.0.113.9", prevHash, hash });
    return { id: row.id, hash };
  }

  it("verify as a legacy segment before the keyed rows, and alterations still show", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const first = await writeLegacy(handle, GENESIS_HASH, "auth.sign_in");
    const second = await writeLegacy(handle, first.hash, "profile.update");
    const keyed = await seed(handle, 2);
    expect(await verify(handle)).toMatchObject({
      ok: true,
      checked: 4,
      legacy: { rows: 2, firstId: first.id, lastId: second.id },
    });

    await tamper(handle, `update audit_log set action = 'item.delete' where id = ${first.id}`);
    expect(reasons(await verify(handle))).toEqual([[first.id, "hash_mismatch"]]);
    await tamper(handle, `update audit_log set action = 'auth.sign_in' where id = ${first.id}`);

    // A legacy row's personal fields are not covered (the old format left them out).
    await tamper(handle, `update audit_log set ip = null where id = ${second.id}`);
    expect(await verify(handle)).toMatchObject({ ok: true, checked: 4 });
    expect(keyed).toHaveLength(2);
  });
});

function runCli(env: Record<string, string>) {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const args = ["--conditions=react-server", "scripts/audit-verify.ts"];
  return new Promise<{ code: number; output: string }>((resolve) => {
    execFile(tsx, args, { env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

describe("npm run audit:verify", () => {
  // Spawns the CLI three times (tsx startup, migrations): slower than the rest.
  const slow = { timeout: 240_000 };
  it(
    "exits 0 on an intact chain and 1 naming every broken row, checkpoint included",
    slow,
    async () => {
      // On PGlite the CLI opens the folder itself, and two instances on one folder corrupt it:
      // close ours while the CLI runs.
      const dir = baseUrl ? undefined : await mkdtemp(path.join(tmpdir(), "pc-audit-"));
      const checkpointFile = await newCheckpointFile();
      const env = () => ({ ...scratch!.env, AUDIT_CHECKPOINT_FILE: checkpointFile });
      const release = async () => {
        if (!dir) return;
        await scratch?.drop();
        scratch = undefined;
      };
      try {
        scratch = await createScratchDatabase(baseUrl, { dataDir: dir });
        const ids = await seed(scratch.handle, 4);
        const cliEnv = env();
        await release();
        expect(await runCli(cliEnv)).toMatchObject({
          code: 0,
          output: expect.stringContaining("Audit log intact: 4 rows checked."),
        });

        scratch ??= await createScratchDatabase(baseUrl, { dataDir: dir });
        await tamper(
          scratch.handle,
          `update audit_log set action = 'auth.sign_in' where id = ${ids[1]}`,
        );
        await tamper(scratch.handle, `update audit_log set ip = null where id = ${ids[2]}`);
        await tamper(scratch.handle, `delete from audit_log where id = ${ids[3]}`);
        await release();
        const broken = await runCli(cliEnv);
        expect(broken.code).toBe(1);
        expect(broken.output).toContain(`Audit log BROKEN at row ${ids[1]}: hash_mismatch`);
        expect(broken.output).toContain(`Audit log BROKEN at row ${ids[2]}: personal_mismatch`);
        expect(broken.output).toContain(`Audit log BROKEN at row ${ids[3]}: checkpoint_missing`);
      } finally {
        await release();
        if (dir) await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
