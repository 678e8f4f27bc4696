import { beforeAll, describe, expect, it } from "vitest";
import { getDbHandle } from "@/db";
import { createAccount, type TestAccount } from "@/db/testing/auth";
import { countSql, csvRowsSql, jsonRowsSql, type ExportScope } from "@/lib/export/sql";
import { exportTables } from "@/lib/export/tables";

// The export's SQL run as it is written, on both engines (PostgreSQL streams it through COPY,
// PGlite through a cursor; the escaping and formats are the SQL's either way).
const jobs = exportTables["print-jobs"][0]!;
const signIns = exportTables["login-activity"][0]!;
const tokens = exportTables["access-tokens"][0]!;

let alice: TestAccount;
let bob: TestAccount;

async function rows(text: string) {
  return (await getDbHandle()).query<Record<string, unknown>>(text);
}

beforeAll(async () => {
  alice = await createAccount();
  bob = await createAccount();
  const handle = await getDbHandle();
  const job = (user: string, name: string, at: string, infill: number | null) =>
    handle.query(
      `insert into print_jobs (user_id, name, status, created_at, nozzle_temp_c, infill_percent)
       values ($1, $2, 'finished', $3::timestamptz, -12.5, $4)`,
      [user, name, at, infill],
    );
  await job(alice.id, "=1+1", "2025-01-31T23:59:59.999999Z", -3); // before the range
  await job(alice.id, "-minus", "2025-03-15T12:34:56.123456Z", 20); // inside
  await job(alice.id, "\tTab", "2025-04-01T00:00:00Z", null); // inside
  await job(alice.id, "plain", "2025-06-01T00:00:00Z", 15); // on `to`: excluded
  await job(bob.id, "bob's job", "2025-03-15T12:34:56.123456Z", 10);
  await handle.query(
    `insert into login_events (user_id, occurred_at, ip, outcome, reason)
     values ($1, '2025-03-02T08:00:00.5Z', '192.0.2.7', 'success', '+ok')`,
    [alice.id],
  );
  await handle.query(
    `insert into access_tokens (user_id, name, kind, scopes, prefix, token_hash, created_at)
     values ($1, '@home', 'printer', '{"=cmd","print:read"}', 'pc_abc', $2, '2025-03-03T00:00:00Z')`,
    [alice.id, `hash-${alice.id}`],
  );
}, 180_000); // the first query starts PGlite's database, slow on a loaded machine

const range = (from: string | null, to: string | null): ExportScope => ({
  userId: alice.id,
  from: from ? new Date(from) : null,
  to: to ? new Date(to) : null,
});

describe("export SQL", () => {
  it("JSON rows: the subject's only, newest first, with microsecond UTC times", async () => {
    const out = await rows(jsonRowsSql(jobs, range(null, null), true));
    const records = out.map((r) => JSON.parse(String(r.j)));
    expect(records.map((r) => [r.name, r.created_at, r.infill_percent])).toEqual([
      ["plain", "2025-06-01T00:00:00.000000Z", 15],
      ["\tTab", "2025-04-01T00:00:00.000000Z", null],
      ["-minus", "2025-03-15T12:34:56.123456Z", 20],
      ["=1+1", "2025-01-31T23:59:59.999999Z", -3],
    ]);
  });

  it("a range keeps [from, to): the lower bound and the upper bound both apply", async () => {
    const names = async (scope: ExportScope, timeSeries = true) =>
      (await rows(jsonRowsSql(jobs, scope, timeSeries))).map((r) => JSON.parse(String(r.j)).name);
    expect(await names(range("2025-02-01", "2025-06-01"))).toEqual(["\tTab", "-minus"]);
    expect(await names(range("2025-02-01", null))).toEqual(["plain", "\tTab", "-minus"]);
    expect(await names(range(null, "2025-03-16"))).toEqual(["-minus", "=1+1"]);
    // Not a time series: the range does not apply.
    expect(await names(range("2025-02-01", "2025-06-01"), false)).toEqual([
      "plain",
      "\tTab",
      "-minus",
      "=1+1",
    ]);
    const count = async (scope: ExportScope) => (await rows(countSql(jobs, scope, true)))[0]!.n;
    expect(await count(range("2025-02-01", "2025-06-01"))).toBe(2);
    expect(await count(range(null, null))).toBe(4);
  });

  it("CSV cells: formulas escaped in SQL, numbers and times as written", async () => {
    const escaped = await rows(csvRowsSql(jobs, range(null, null), true, true));
    expect(
      escaped.map((r) => [r.name, r.created_at, r.nozzle_temp_c, r.infill_percent, r.started_at]),
    ).toEqual([
      ["plain", "2025-06-01T00:00:00.000000Z", "-12.5", "15", null],
      ["'\tTab", "2025-04-01T00:00:00.000000Z", "-12.5", null, null],
      ["'-minus", "2025-03-15T12:34:56.123456Z", "-12.5", "20", null],
      ["'=1+1", "2025-01-31T23:59:59.999999Z", "-12.5", "-3", null],
    ]);
    // Without escaping (PGlite's reader escapes in csvLine instead), the text is untouched.
    const raw = await rows(csvRowsSql(jobs, range(null, null), true, false));
    expect(raw.map((r) => r.name)).toEqual(["plain", "\tTab", "-minus", "=1+1"]);
  });

  it("CSV cells: addresses without a mask, text arrays as JSON, both escaped", async () => {
    const [signIn] = await rows(csvRowsSql(signIns, range(null, null), true, true));
    expect(signIn).toMatchObject({
      ip: "192.0.2.7",
      reason: "'+ok",
      occurred_at: "2025-03-02T08:00:00.500000Z",
    });
    const [token] = await rows(csvRowsSql(tokens, range(null, null), false, true));
    expect(token).toMatchObject({ name: "'@home", scopes: '["=cmd","print:read"]' });
    const [json] = await rows(jsonRowsSql(signIns, range(null, null), true));
    expect(JSON.parse(String(json!.j))).toMatchObject({ ip: "192.0.2.7", reason: "+ok" });
  });

  it("refuses a subject that is not a uuid and a date that is not a date", () => {
    const scope = (userId: string): ExportScope => ({ userId });
    for (const bad of [
      "not-a-uuid",
      `${alice.id}' or '1'='1`,
      `x${alice.id}`,
      alice.id.replace(/-/g, ""),
      alice.id.slice(0, 35) + "g",
    ]) {
      expect(() => jsonRowsSql(jobs, scope(bad), false), bad).toThrow(
        "export: subject id is not a uuid",
      );
      expect(() => csvRowsSql(jobs, scope(bad), false, true), bad).toThrow(
        "export: subject id is not a uuid",
      );
      expect(() => countSql(jobs, scope(bad), false), bad).toThrow(
        "export: subject id is not a uuid",
      );
    }
    expect(countSql(jobs, scope(alice.id.toUpperCase()), false)).toContain(
      `'${alice.id.toUpperCase()}'::uuid`,
    );
    const invalid = new Date("2025-13-45");
    expect(() => jsonRowsSql(jobs, { userId: alice.id, from: invalid }, true)).toThrow(
      "export: invalid date in range",
    );
    expect(() => countSql(jobs, { userId: alice.id, to: invalid }, true)).toThrow(
      "export: invalid date in range",
    );
  });
});
