// Work both instances could do is done once: each mail is delivered once (the outbox is claimed
// with SKIP LOCKED), and a cron schedule makes one job per tick however many instances keep it.
import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { waitForMail } from "../fixtures/mailbox";
import { newUser, signUp, uniqueIp } from "../fixtures/users";
import { database, seededHolder } from "./harness";

const mailbox = `http://127.0.0.1:${process.env.E2E_MAIL_HTTP_PORT ?? 3147}`;
const received = async (to: string, subject: RegExp) =>
  (
    (await (await fetch(`${mailbox}/messages?to=${encodeURIComponent(to)}`)).json()) as {
      subject: string;
    }[]
  ).filter((m) => subject.test(m.subject)).length;

// A request reference in the app's alphabet (lib/requests/clock.ts).
const code = (n: number) =>
  Array.from({ length: n }, () => "23456789ABCDEFGHJKMNPQRSTUVWXYZ"[randomInt(31)]).join("");

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
});

test("a mail is delivered once with two mail workers", async ({ page }) => {
  const user = newUser("multi-mail");
  await signUp(page, user);
  await waitForMail(user.email, { subject: /Confirm your email/ });
  const db = database();
  // Once every outbox row for the address is sent, neither worker can send it again.
  await expect
    .poll(async () => {
      const rows =
        await db`select status from email_outbox where lower(to_address) = ${user.email.toLowerCase()}`;
      return rows.map((r) => r.status as string);
    })
    .toEqual(["sent"]);
  expect(await received(user.email, /Confirm your email/)).toBe(1);
});

test("a scheduled job runs once per tick across both instances", async () => {
  test.setTimeout(240_000);
  const db = database();
  const user = seededHolder();
  // An open request nobody has acted on, due in two days: the reminder job's work.
  const reference = `PR-${code(4)}-${code(2)}`;
  await db`with r as (
      insert into privacy_requests (reference, user_id, kind, details, created_at, due_at)
      select ${reference}, id, 'access', 'Two-instance reminder test', now() - interval '28 days',
        now() + interval '2 days'
      from users where lower(email) = ${user.email.toLowerCase()} returning id, user_id, created_at)
    insert into privacy_request_events (request_id, actor_id, kind, note, occurred_at)
    select id, user_id, 'received', 'Submitted in the privacy center', created_at from r`;

  // The hourly schedule, every minute for this test; both instances keep schedules.
  const since = new Date();
  const [schedule] = await db`select cron from pgboss.schedule where name = 'requests.remind'`;
  expect(schedule).toBeTruthy();
  await db`update pgboss.schedule set cron = '* * * * *' where name = 'requests.remind'`;
  try {
    await waitForMail(user.email, { subject: new RegExp(reference), timeoutMs: 180_000 });
    const perTick = await db`select date_trunc('minute', created_on) as tick, count(*)::int as n
      from (select name, created_on from pgboss.job union all select name, created_on from pgboss.archive) j
      where name = 'requests.remind' and created_on >= ${since} group by 1`;
    expect(perTick.length).toBeGreaterThan(0);
    for (const row of perTick) expect(row.n, String(row.tick)).toBe(1);
  } finally {
    await db`update pgboss.schedule set cron = ${schedule!.cron as string} where name = 'requests.remind'`;
  }
  expect(await received(user.email, new RegExp(reference))).toBe(1);
  const events = await db`select count(*)::int as n from privacy_request_events e
    join privacy_requests r on r.id = e.request_id where r.reference = ${reference} and e.kind = 'reminder_sent'`;
  expect(events[0]!.n).toBe(1);
});
