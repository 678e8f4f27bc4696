import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, getDbHandle } from "@/db";
import { exportHistory, sessions } from "@/db/schema";
import { createAccount, signInAs } from "@/db/testing/auth";
import { ReadOnlyError, ReauthRequiredError } from "@/lib/auth/errors";
import { env } from "@/lib/env";
import { openMyExport } from "./index";
import { expectOpened, giveManyPrintJobs, givePrintJobs, readAll, settledHistory } from "./testing";

const all = { from: null, to: null };
const JOBS = 3_000; // ~3 MB of names: far more than the stream's buffers, so the export blocks mid-table

describe("export snapshot", () => {
  it("holds while rows are inserted during the export", async () => {
    const user = await createAccount();
    await giveManyPrintJobs(user.id, JOBS);
    await signInAs(user);
    const handle = await getDbHandle();
    const opened = expectOpened(
      await openMyExport({ format: "json", categories: ["print-jobs", "diagnostics"], ...all }),
    );
    const reader = opened.body.getReader();
    const first = await reader.read(); // the snapshot exists once the first bytes are out
    expect(first.done).toBe(false);

    const insert = async () => {
      await handle.query(
        `insert into print_jobs (user_id, name, status, created_at) values ($1, 'added mid-export', 'queued', now())`,
        [user.id],
      );
      await handle.query(
        `insert into diagnostics (user_id, kind, source, summary, payload, size_bytes) values ($1, 'telemetry', 'printer', 'added mid-export', '{}', 2)`,
        [user.id],
      );
    };
    let inserted = false;
    const pending = insert().then(() => (inserted = true));
    if (handle.engine === "postgres") {
      // Another pool connection commits while the export is blocked in print_jobs.
      await pending;
      expect(inserted).toBe(true);
    }
    // On PGlite one connection serialises everything: the insert waits for the export's
    // transaction to end, so this proves only that no write interleaves with the snapshot.
    const parts: Uint8Array[] = [first.value!];
    for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
    await pending;
    const doc = JSON.parse(Buffer.concat(parts).toString());
    expect(doc.categories["print-jobs"].print_jobs).toHaveLength(JOBS);
    expect(doc.categories.diagnostics.diagnostics).toHaveLength(0);
    expect(JSON.stringify(doc)).not.toContain("added mid-export");
    await settledHistory(opened.id);
  });

  it("stops the query and frees the connection within a second when the client goes away", async () => {
    const user = await createAccount();
    await giveManyPrintJobs(user.id, 20_000); // 20 MB: more than every buffer on the way, kernel's included
    await signInAs(user);
    const handle = await getDbHandle();
    const opened = expectOpened(
      await openMyExport({ format: "zip", categories: ["print-jobs"], ...all }),
    );
    const reader = opened.body.getReader();
    await reader.read();
    const copying = () =>
      handle.query<{ state: string }>(
        `select state from pg_stat_activity where datname = current_database() and query ilike 'copy (%' and pid <> pg_backend_pid()`,
      );
    if (handle.engine === "postgres")
      expect((await copying()).some((r) => r.state === "active")).toBe(true);
    const abortedAt = Date.now();
    await reader.cancel();
    // The bar is for PostgreSQL; embedded PGlite shares this process's CPU with the test.
    const bound = handle.engine === "postgres" ? 1_000 : 5_000;
    const history = await settledHistory(opened.id, bound);
    expect(Date.now() - abortedAt).toBeLessThan(bound);
    expect(history.status).toBe("failed");
    expect(history.error).toMatch(/cancelled/);
    if (handle.engine === "postgres") {
      // No COPY left running, no transaction left open on that connection.
      expect((await copying()).filter((r) => r.state !== "idle")).toEqual([]);
      const open = await handle.query(
        `select 1 from pg_stat_activity where datname = current_database() and state like 'idle in transaction%' and pid <> pg_backend_pid()`,
      );
      expect(open).toEqual([]);
    }
    // The pool still works.
    expect(await handle.query(`select 1 as one`)).toEqual([{ one: 1 }]);
  });
});

describe("export limits and guards", () => {
  it("allows one running export per user, ignoring ones a crashed instance left behind", async () => {
    const user = await createAccount();
    await giveManyPrintJobs(user.id, JOBS); // keeps the first export running until it is read
    await signInAs(user);
    const db = await getDb();
    await db.insert(exportHistory).values({
      userId: user.id,
      format: "json",
      categories: ["profile"],
      startedAt: new Date(Date.now() - 3 * 3600_000),
    });
    if ((await getDbHandle()).engine === "pglite") {
      // PGlite has one connection: an export blocked mid-stream holds it, so a second request
      // in this same process could not even reach the database. What another instance would
      // see is its history row, which is what the one-at-a-time rule reads.
      const stale = expectOpened(
        await openMyExport({ format: "json", categories: ["profile"], ...all }),
      );
      await readAll(stale);
      await settledHistory(stale.id);
      await db
        .insert(exportHistory)
        .values({ userId: user.id, format: "zip", categories: ["profile"] });
      const refused = await openMyExport({ format: "json", categories: ["profile"], ...all });
      expect(refused).toMatchObject({
        ok: false,
        status: 409,
        message: expect.stringMatching(/still downloading/),
      });
      return;
    }
    const ok = expectOpened(
      await openMyExport({ format: "json", categories: ["print-jobs"], ...all }),
    );
    const second = await openMyExport({ format: "json", categories: ["profile"], ...all });
    expect(second).toMatchObject({
      ok: false,
      status: 409,
      message: expect.stringMatching(/still downloading/),
    });
    await readAll(ok);
    await settledHistory(ok.id);
    const rows = await db
      .select({ status: exportHistory.status, error: exportHistory.error })
      .from(exportHistory)
      .where(eq(exportHistory.userId, user.id));
    expect(rows.map((r) => r.status).sort()).toEqual(["completed", "failed"]);
  });

  it("refuses past the daily limit and says when the next is possible", async () => {
    const user = await createAccount();
    await signInAs(user);
    const db = await getDb();
    const oldest = new Date(Date.now() - 20 * 3600_000);
    await db.insert(exportHistory).values(
      Array.from({ length: env.EXPORT_DAILY_LIMIT }, (_, i) => ({
        userId: user.id,
        format: "json" as const,
        categories: ["profile"],
        status: "completed" as const,
        startedAt: new Date(oldest.getTime() + i * 60_000),
      })),
    );
    const refused = await openMyExport({ format: "json", categories: ["profile"], ...all });
    expect(refused).toMatchObject({
      ok: false,
      status: 429,
      message: expect.stringMatching(/You can start the next one after/),
    });
    if (refused.ok) return;
    // The window frees up when the oldest of the ten is 24 hours old: in about 4 hours.
    expect(refused.retryAfterSeconds).toBeGreaterThan(3.9 * 3600);
    expect(refused.retryAfterSeconds).toBeLessThan(4.1 * 3600);
  });

  it("answers 429 with a retry time when this instance is at its cap, writing nothing", async () => {
    const user = await createAccount();
    await signInAs(user);
    const slots = globalThis as { __pcExportSlots?: number };
    const before = slots.__pcExportSlots;
    slots.__pcExportSlots = env.EXPORT_MAX_CONCURRENT;
    try {
      const refused = await openMyExport({ format: "json", categories: ["profile"], ...all });
      expect(refused).toMatchObject({
        ok: false,
        status: 429,
        retryAfterSeconds: expect.any(Number),
      });
    } finally {
      slots.__pcExportSlots = before;
    }
    const db = await getDb();
    expect(await db.select().from(exportHistory).where(eq(exportHistory.userId, user.id))).toEqual(
      [],
    );
  });

  it("refuses a read-only (support) session and asks for the password when it is not recent", async () => {
    const user = await createAccount();
    await givePrintJobs(user.id, ["x"]);
    const sid = await signInAs(user);
    const db = await getDb();
    await db.update(sessions).set({ readOnly: true }).where(eq(sessions.id, sid));
    await expect(
      openMyExport({ format: "json", categories: ["profile"], ...all }),
    ).rejects.toBeInstanceOf(ReadOnlyError);
    await db
      .update(sessions)
      .set({ readOnly: false, createdAt: new Date(Date.now() - 3600_000), reauthenticatedAt: null })
      .where(eq(sessions.id, sid));
    await expect(
      openMyExport({ format: "json", categories: ["profile"], ...all }),
    ).rejects.toBeInstanceOf(ReauthRequiredError);
    expect(await db.select().from(exportHistory).where(eq(exportHistory.userId, user.id))).toEqual(
      [],
    );
  });
});
