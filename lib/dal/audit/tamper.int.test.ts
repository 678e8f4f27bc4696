import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db";
import { auditLog } from "@/db/schema";
import { computeAuditHash } from "./chain";
import { createScratchDatabase, tamper, type ScratchDatabase } from "./testing";
import { verifyAuditChain } from "./verify";
import { writeAudit } from "./write";

// Breaking the chain here would break it for every other test file sharing the database, so each
// test gets a database of its own (a new one on the PostgreSQL server, or a new PGlite).
const baseUrl = process.env.DATABASE_URL || undefined;
let scratch: ScratchDatabase | undefined;
afterEach(async () => {
  await scratch?.drop();
  scratch = undefined;
});

async function seed(handle: DbHandle, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const event = { actorId: randomUUID(), actorRole: "user", action: "item.delete" } as const;
    const written = await handle.db.transaction((tx) =>
      writeAudit(tx, { ...event, targetId: `item-${i}` }),
    );
    ids.push(written.id);
  }
  return ids;
}

const hashOf = async (handle: DbHandle, id: number) =>
  (await handle.query<{ hash: string }>("select hash from audit_log where id = $1", [id]))[0]!.hash;

describe("verifyAuditChain against a tampering superuser", () => {
  it("reports a changed hashed field as hash_mismatch at that row", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const ids = await seed(handle, 5);
    const target = ids[2]!;
    const stored = await hashOf(handle, target);
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
      expect(await verifyAuditChain(handle.db, { batchSize: 2 }), change).toEqual({
        ok: false,
        checked: 2,
        brokenAt: {
          id: target,
          reason: "hash_mismatch",
          expected: expect.stringMatching(/^[0-9a-f]{64}$/),
          found: stored,
        },
      });
      await tamper(handle, `update audit_log set ${undo} where id = ${target}`);
      const intact = await verifyAuditChain(handle.db, { batchSize: 2 });
      expect(intact, undo).toMatchObject({ ok: true, checked: 5 });
    }
  });

  it("reports a deleted row as prev_hash_mismatch at the next row", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const ids = await seed(handle, 5);
    const [before, deleted] = [await hashOf(handle, ids[1]!), await hashOf(handle, ids[2]!)];
    await tamper(handle, `delete from audit_log where id = ${ids[2]}`);
    expect(await verifyAuditChain(handle.db, { batchSize: 2 })).toEqual({
      ok: false,
      checked: 2,
      brokenAt: { id: ids[3], reason: "prev_hash_mismatch", expected: before, found: deleted },
    });
  });

  it("reports a deleted first row as missing_row at the new first row", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const ids = await seed(handle, 3);
    await tamper(handle, `delete from audit_log where id = ${ids[0]}`);
    expect(await verifyAuditChain(handle.db)).toMatchObject({
      ok: false,
      checked: 0,
      brokenAt: { id: ids[1], reason: "missing_row" },
    });
  });

  it("catches a changed row whose own hash was recomputed, at the next row", async () => {
    scratch = await createScratchDatabase(baseUrl);
    const { handle } = scratch;
    const ids = await seed(handle, 4);
    const [row] = await handle.db.select().from(auditLog).where(eq(auditLog.id, ids[1]!));
    const forged = computeAuditHash(row!.prevHash, { ...row!, action: "auth.sign_in" });
    await tamper(
      handle,
      `update audit_log set action = 'auth.sign_in', hash = '${forged}' where id = ${ids[1]}`,
    );
    expect(await verifyAuditChain(handle.db)).toEqual({
      ok: false,
      checked: 2,
      brokenAt: { id: ids[2], reason: "prev_hash_mismatch", expected: forged, found: row!.hash },
    });
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
  // Spawns the CLI twice (tsx startup, migrations): slower than the rest.
  const slow = { timeout: 180_000 };
  it("exits 0 on an intact chain and 1 naming the row on a broken one", slow, async () => {
    // On PGlite the CLI opens the folder itself, and two instances on one folder corrupt it:
    // close ours while the CLI runs.
    const dir = baseUrl ? undefined : await mkdtemp(path.join(tmpdir(), "pc-audit-"));
    const release = async () => {
      if (!dir) return;
      await scratch?.drop();
      scratch = undefined;
    };
    try {
      scratch = await createScratchDatabase(baseUrl, { dataDir: dir });
      const { env } = scratch;
      const ids = await seed(scratch.handle, 3);
      await release();
      expect(await runCli(env)).toMatchObject({
        code: 0,
        output: expect.stringContaining("Audit log intact: 3 rows checked."),
      });

      scratch ??= await createScratchDatabase(baseUrl, { dataDir: dir });
      const forge = `update audit_log set action = 'auth.sign_in' where id = ${ids[1]}`;
      await tamper(scratch.handle, forge);
      await release();
      expect(await runCli(env)).toMatchObject({
        code: 1,
        output: expect.stringContaining(`Audit log BROKEN at row ${ids[1]}: hash_mismatch`),
      });
    } finally {
      await release();
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  });
});
