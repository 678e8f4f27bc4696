import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import type { DbHandle } from "../client";
import { freshDatabase } from "../testing/fresh-database";
import { findStaffWithPublishedPassword } from "./guard";
import { DEMO_ACCOUNTS, isDatabaseEmpty, seedDemoData, type SeedSummary } from "./index";

// Few temperature curves: they are most of the rows, and PGlite is slow to index them.
const OPTIONS = { printJobs: 240, users: 3, sampledJobs: 20, hashPassword };

async function jobNames(handle: DbHandle): Promise<string[]> {
  const rows = await handle.query<{ name: string }>(
    `select j.name from print_jobs j join users u on u.id = j.user_id
     where u.email = $1 order by j.created_at desc, j.id desc`,
    [DEMO_ACCOUNTS.demo.email],
  );
  return rows.map((r) => r.name);
}

const count = async (handle: DbHandle, sql: string, params: unknown[] = []) =>
  Number((await handle.query<{ n: string | number }>(sql, params))[0]?.n ?? -1);

describe("demo data seed", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let first: SeedSummary;

  beforeAll(async () => {
    db = await freshDatabase();
    expect(await isDatabaseEmpty(db.handle)).toBe(true);
    first = await seedDemoData(db.handle, OPTIONS);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("creates the three accounts with their roles, verified", async () => {
    expect(first.created).toBe(true);
    expect(await isDatabaseEmpty(db.handle)).toBe(false);
    for (const account of Object.values(DEMO_ACCOUNTS)) {
      const rows = await db.handle.query<{ role: string; verified: boolean }>(
        "select role, email_verified_at is not null as verified from users where email = $1",
        [account.email],
      );
      expect(rows).toEqual([{ role: account.role, verified: true }]);
    }
    const { email, password } = DEMO_ACCOUNTS.demo;
    expect(first.demo).toEqual({ email, password });
  });

  it("hashes with the hasher it is given, so the production guard finds both staff accounts", async () => {
    expect(
      await findStaffWithPublishedPassword(db.handle, (hash, password) =>
        verifyPassword(hash, password),
      ),
    ).toEqual([DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.agent.email]);
  });

  it("gives the demo account holder exactly the requested print jobs", async () => {
    const demoJobs =
      "select j.* from print_jobs j join users u on u.id = j.user_id where u.email = $1";
    const params = [DEMO_ACCOUNTS.demo.email];
    expect(await count(db.handle, `select count(*) as n from (${demoJobs}) j`, params)).toBe(240);
    expect(
      await count(db.handle, `select count(distinct printer_id) as n from (${demoJobs}) j`, params),
    ).toBeGreaterThanOrEqual(4);
    const statuses = await db.handle.query<{ status: string }>(
      `select distinct status from (${demoJobs}) j`,
      params,
    );
    expect(statuses.map((s) => s.status)).toEqual(
      expect.arrayContaining(["finished", "failed", "aborted", "queued", "printing"]),
    );
    // Queued jobs have not started; finished ones ended after they started.
    expect(
      await count(
        db.handle,
        `select count(*) as n from (${demoJobs}) j where (status = 'queued') <> (started_at is null)
           or (finished_at is not null and finished_at < started_at) or created_at > now()`,
        params,
      ),
    ).toBe(0);
    const sampled = await count(
      db.handle,
      "select count(distinct print_job_id) as n from print_job_temperature_samples",
    );
    expect(sampled).toBeGreaterThan(0);
    expect(sampled).toBeLessThanOrEqual(OPTIONS.sampledJobs);
  });

  it("uses documentation IP ranges only", async () => {
    const outside = (column: string, table: string) =>
      count(
        db.handle,
        `select count(*) as n from ${table} where ${column} is not null and not (
           ${column} <<= '192.0.2.0/24' or ${column} <<= '198.51.100.0/24'
           or ${column} <<= '203.0.113.0/24' or ${column} <<= '2001:db8::/32')`,
      );
    expect(await count(db.handle, "select count(*) as n from login_events")).toBeGreaterThan(100);
    expect(await outside("ip", "login_events")).toBe(0);
    expect(await outside("ip", "sessions")).toBe(0);
    expect(await outside("last_used_ip", "access_tokens")).toBe(0);
    expect(await outside("ip", "email_engagement_events")).toBe(0);
    const reasons = await db.handle.query<{ reason: string }>(
      "select distinct reason from login_events",
    );
    expect(reasons.map((r) => r.reason).sort()).toEqual(["bad_password", "ok", "throttled"]);
  });

  // Bulk loads skip foreign-key triggers, so the references are checked here instead.
  it("leaves no dangling references", async () => {
    const references = [
      ["print_job_materials", "print_job_id", "print_jobs"],
      ["print_job_materials", "material_id", "materials"],
      ["print_job_materials", "user_id", "users"],
      ["print_jobs", "printer_id", "printers"],
      ["print_jobs", "user_id", "users"],
      ["printer_status_events", "printer_id", "printers"],
      ["printer_status_events", "user_id", "users"],
      ["print_job_temperature_samples", "print_job_id", "print_jobs"],
      ["login_events", "session_id", "sessions"],
      ["sessions", "user_id", "users"],
    ];
    for (const [child, column, parent] of references) {
      const sql = `select count(*) as n from ${child} c left join ${parent} p on p.id = c.${column}
                   where c.${column} is not null and p.id is null`;
      expect(await count(db.handle, sql), `${child}.${column}`).toBe(0);
    }
  });

  it("does not duplicate anything when run again", async () => {
    const before = await count(db.handle, "select count(*) as n from print_jobs");
    const again = await seedDemoData(db.handle, OPTIONS);
    expect(again.created).toBe(false);
    expect(again.volume).toMatchObject({ added: 0, skipped: 3 });
    expect(await count(db.handle, "select count(*) as n from users")).toBe(3 + 3);
    expect(await count(db.handle, "select count(*) as n from print_jobs")).toBe(before);
  });

  it("produces the same content from the same options", async () => {
    const other = await freshDatabase();
    try {
      await seedDemoData(other.handle, OPTIONS);
      const names = await jobNames(db.handle);
      expect(names).toHaveLength(240);
      expect(await jobNames(other.handle)).toEqual(names);
      const serials = "select serial from printers order by serial";
      expect(await other.handle.query(serials)).toEqual(await db.handle.query(serials));
      const emails = "select email, name from users order by email";
      expect(await other.handle.query(emails)).toEqual(await db.handle.query(emails));
    } finally {
      await other.close();
    }
  });
});
