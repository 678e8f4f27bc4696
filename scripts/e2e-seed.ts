/**
 * Test-only (scripts/e2e-server.mjs runs it on the e2e server's fresh database, before the app
 * opens it; production never does): seeds the demo and staff accounts as the app's start-up
 * would, then a pool of account holders, each with the demo's kind of data under its own email.
 * e2e/fixtures/users.ts hands each test that asks for one a holder of its own, so no test reads
 * data another test is changing. Writes the holders' sign-in details as JSON to the given file.
 *
 *   tsx --conditions=react-server scripts/e2e-seed.ts <holders> <out.json>
 *
 * E2E_HEAVY_PRINT_JOBS=<n> gives the last holder (the last E2E_HEAVY_HOLDERS) n print jobs instead: an export of it takes
 * long enough to still be running while a test looks (scripts/e2e-multi-server.mjs).
 */
import { writeFileSync } from "node:fs";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { DEMO_ACCOUNTS, seedDemoData } from "../db/seed";
import { hashPassword } from "../lib/auth/password";
import { newRequestReference } from "../lib/requests/clock";

const count = Number(process.argv[2] ?? 0);
const out = process.argv[3];
if (!Number.isSafeInteger(count) || count < 0 || !out) {
  console.error("usage: e2e-seed.ts <holders> <out.json>");
  process.exit(2);
}

const { DATABASE_URL: url, PGLITE_DATA_DIR: dataDir } = process.env;
const handle = openDatabase({ url, dataDir });
const started = Date.now();
await migrateDatabase(handle, url);
await seedDemoData(handle, { hashPassword });

/**
 * Two open privacy requests for a holder (the demo's are all closed), for the staff queue's
 * specs: an access request received 35 days ago (overdue) and a portability request from 3 days
 * ago, each with its "received" event.
 */
async function openRequestsFor(email: string) {
  for (const [kind, daysAgo] of [
    ["access", 35],
    ["portability", 3],
  ] as const) {
    await handle.query(
      "with r as (insert into privacy_requests (reference, user_id, kind, details, created_at, due_at) " +
        "select $1, id, $2, $3, now() - make_interval(days => $4::int), " +
        "now() - make_interval(days => $4::int) + interval '30 days' " +
        "from users where lower(email) = $5 returning id, user_id, created_at) " +
        "insert into privacy_request_events (request_id, actor_id, kind, note, occurred_at) " +
        "select id, user_id, 'received', 'Submitted in the privacy center', created_at from r",
      [
        newRequestReference(),
        kind,
        `Seeded open ${kind} request for the staff queue.`,
        daysAgo,
        email,
      ],
    );
  }
}

// The seed writes "the demo account" under whatever DEMO_ACCOUNTS.demo names at the time.
const demo = DEMO_ACCOUNTS.demo as { email: string; name: string; password: string };
const original = { ...demo };
const holders: { email: string; name: string; password: string }[] = [];

// The seed is deterministic and privacy request references are unique: each copy's references
// get a suffix before the next copy writes the same ones (the demo's get theirs back at the end).
const tag = (email: string, suffix: string) =>
  handle.query(
    "update privacy_requests set reference = reference || $1 " +
      "where user_id = (select id from users where lower(email) = $2)",
    [suffix, email],
  );
await tag(original.email, "-demo");
try {
  for (let i = 0; i < count; i++) {
    const holder = { email: `holder-${i}@e2e.example.test`, name: `Holder ${i}` };
    Object.assign(demo, holder);
    // Enough print jobs for paging and the export's size checks; fewer temperature curves.
    const heavyCount = Number(process.env.E2E_HEAVY_HOLDERS ?? 1);
    const heavy = i >= count - heavyCount ? Number(process.env.E2E_HEAVY_PRINT_JOBS ?? 0) : 0;
    await seedDemoData(handle, { hashPassword, printJobs: heavy || 1_100, sampledJobs: 10 });
    await tag(holder.email, `-h${i}`);
    await openRequestsFor(holder.email);
    holders.push({ ...holder, password: original.password });
  }
} finally {
  Object.assign(demo, original);
}
await handle.query(
  "update privacy_requests set reference = left(reference, -5) " +
    "where user_id = (select id from users where lower(email) = $1) and reference like '%-demo'",
  [original.email],
);
writeFileSync(out, JSON.stringify(holders));
console.log(`[info] e2e seed: demo data and ${count} holders in ${Date.now() - started} ms`);
await handle.close();
