/**
 * Deterministic demo data: the same options give the same people, printers, job names and
 * numbers on every run; only ids and the moment "now" differ (every time is now minus a fixed
 * offset, so the data always looks recent). Runs from the CLI (db/seed/cli.ts) and from the
 * app's start-up on an empty database, so it imports neither "server-only" nor lib/env; the
 * caller hands in the password hasher (lib/auth/password), so db/ never imports lib/auth.
 */
import { inArray, like, or, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { DbHandle } from "../client";
import { privacyRequests, users } from "../schema";
import { DEMO_ACCOUNTS, VOLUME_EMAIL_DOMAIN, VOLUME_PASSWORD } from "./accounts";
import { withSeedTransaction } from "./copy";
import { claimAccounts, DEMO_FLEET, seedDemoActivity } from "./demo";
import { ensureMaterials, planFleet, writeFleet } from "./printing";
import { createProgress } from "./progress";
import { clockAt, DAY, mixSeed, SEED } from "./random";

export { DEMO_ACCOUNTS, VOLUME_EMAIL_DOMAIN, VOLUME_PASSWORD } from "./accounts";

/** About five months of a busy small print farm: enough to page through, quick on PGlite. */
export const DEFAULT_PRINT_JOBS = 2_000;
/** Temperature curves only for the newest jobs: a million curves would dwarf everything else. */
export const SAMPLED_JOBS = 200;

/** Turns a password into the stored hash (the app passes lib/auth/password's hashPassword). */
export type PasswordHasher = (password: string) => Promise<string>;

export type SeedOptions = {
  hashPassword: PasswordHasher;
  /** Extra generated account holders, each with a small history. */
  users?: number;
  /** Print jobs of the demo account holder (the heavy user). */
  printJobs?: number;
  /** How many of the newest jobs get temperature curves (default SAMPLED_JOBS). */
  sampledJobs?: number;
  log?: (line: string) => void;
  /** A progress bar when stdout is a terminal, periodic `log` lines otherwise. */
  progress?: boolean;
};

type Credentials = { email: string; password: string };

export type SeedSummary = {
  /** False when the demo accounts already existed; nothing of theirs was touched. */
  created: boolean;
  demo: Credentials;
  agent: Credentials;
  admin: Credentials;
  /** Generated account holders: all share one password; `email` shows the pattern. */
  volume: Credentials & { added: number; skipped: number };
  /** Rows written, by table (camelCase). */
  counts: Record<string, number>;
  elapsedMs: number;
};

export async function isDatabaseEmpty(handle: DbHandle): Promise<boolean> {
  const rows = await handle.query<{ found: boolean }>(
    "select exists (select 1 from users) as found",
  );
  return !rows[0]?.found;
}

/**
 * Seeds the demo accounts and their history in one transaction, then any generated account
 * holders in another. Safe to call again: existing demo accounts are left alone, generated
 * users that exist are skipped. On PGlite, call it before serving requests — the embedded
 * database is one session, and the seed's transaction would take in anything run meanwhile.
 */
export async function seedDemoData(handle: DbHandle, opts: SeedOptions): Promise<SeedSummary> {
  const { hashPassword } = opts;
  const startedAt = Date.now();
  const clock = clockAt(startedAt);
  const log = opts.log ?? (() => {});
  const progress = createProgress({ bar: opts.progress ?? false, log: opts.log });
  const volumeUsers = Math.max(0, Math.floor(opts.users ?? 0));
  const printJobs = Math.max(0, Math.floor(opts.printJobs ?? DEFAULT_PRINT_JOBS));
  // argon2 is deliberately slow; hash before the transaction opens, all at once.
  const [demo, agent, admin, volumeHash] = await Promise.all([
    hashPassword(DEMO_ACCOUNTS.demo.password),
    hashPassword(DEMO_ACCOUNTS.agent.password),
    hashPassword(DEMO_ACCOUNTS.admin.password),
    volumeUsers > 0 ? hashPassword(VOLUME_PASSWORD) : Promise.resolve(""),
  ]);
  const counts: Record<string, number> = {};
  const add = (more: Record<string, number>) => {
    for (const [k, v] of Object.entries(more)) counts[k] = (counts[k] ?? 0) + v;
  };

  const created = await withSeedTransaction(handle, async (conn) => {
    const materialIds = await ensureMaterials(conn);
    const demoId = randomUUID();
    const fleet = planFleet({
      userId: demoId,
      seed: mixSeed(SEED, 1),
      clock,
      fleet: DEMO_FLEET,
      jobs: printJobs,
      queued: 2,
      materialIds,
    });
    const ages = fleet.printers.map((p) => startedAt - (p.createdAt as Date).getTime());
    // Older than every dated item of the demo (the oldest, a revoked token, is 520 days).
    const joinedAgo = Math.max(Math.max(...ages) + 21 * DAY, 600 * DAY);
    const hashes = { demo, agent, admin };
    const people = await claimAccounts(conn, clock, { id: demoId, joinedAgo }, hashes);
    if (!people) {
      log("Demo accounts already exist; leaving them as they are.");
      return false;
    }
    log(`Seeding the demo account holder with ${printJobs.toLocaleString("en")} print jobs…`);
    const sampledJobs = opts.sampledJobs ?? SAMPLED_JOBS;
    add(await writeFleet(conn, fleet, { sampledJobs, progress }));
    add({ users: 3, printers: fleet.printers.length, printGroups: fleet.groups.length });
    add(await seedDemoActivity(conn, clock, people, fleet.printers));
    return true;
  });

  let volume = { volumeUsers: 0, volumePrintJobs: 0, skipped: 0 };
  if (volumeUsers > 0) {
    log(`Seeding ${volumeUsers.toLocaleString("en")} generated account holders…`);
    // Loaded only here: faker and its locales are megabytes the app's start-up seed never needs.
    const { seedVolumeUsers } = await import("./volume");
    volume = await withSeedTransaction(handle, async (conn) =>
      seedVolumeUsers(conn, {
        count: volumeUsers,
        clock,
        passwordHash: volumeHash,
        materialIds: await ensureMaterials(conn),
        progress,
      }),
    );
    add({ volumeUsers: volume.volumeUsers, volumePrintJobs: volume.volumePrintJobs });
  }
  if (created || volume.volumeUsers > 0) await analyze(handle);

  const credentials = (a: Credentials) => ({ email: a.email, password: a.password });
  return {
    created,
    demo: credentials(DEMO_ACCOUNTS.demo),
    agent: credentials(DEMO_ACCOUNTS.agent),
    admin: credentials(DEMO_ACCOUNTS.admin),
    volume: {
      email: `firstname.lastname.N@${VOLUME_EMAIL_DOMAIN}`,
      password: VOLUME_PASSWORD,
      added: volume.volumeUsers,
      skipped: volume.skipped,
    },
    counts,
    elapsedMs: Date.now() - startedAt,
  };
}

/** Fresh statistics, so the first page after a million-row seed gets a sensible plan. */
async function analyze(handle: DbHandle): Promise<void> {
  await handle.query(
    "analyze users, print_jobs, print_job_materials, printer_status_events, " +
      "print_job_temperature_samples, login_events, sessions",
  );
}

/**
 * Removes what the seed created: the demo and staff accounts, generated users, and (because
 * they outlive accounts by design) the demo's privacy requests. Everything else goes with the
 * accounts through the erasure cascade; the audit log is never touched.
 */
export async function resetDemoData(handle: DbHandle): Promise<number> {
  const seeded = or(
    inArray(
      sql`lower(${users.email})`,
      Object.values(DEMO_ACCOUNTS).map((a) => a.email),
    ),
    like(users.email, `%@${VOLUME_EMAIL_DOMAIN}`),
  );
  return withSeedTransaction(handle, async (conn) => {
    const rows = await conn.db.select({ id: users.id }).from(users).where(seeded);
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return 0;
    await conn.db.delete(privacyRequests).where(inArray(privacyRequests.userId, ids));
    for (let i = 0; i < ids.length; i += 1_000) {
      await conn.db.delete(users).where(inArray(users.id, ids.slice(i, i + 1_000)));
    }
    return ids.length;
  });
}
