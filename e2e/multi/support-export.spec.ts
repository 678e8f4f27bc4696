// Support views and export limits across two instances: a view opened on one ends when the
// grant is withdrawn on the other; an export running on A blocks the same user's second one on
// B; EXPORT_MAX_CONCURRENT is per instance (the harness sets 1); the daily limit (3) counts
// exports made on both.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { grantAccess, openAsAgent } from "../fixtures/support";
import { staff, uniqueIp } from "../fixtures/users";
import {
  cookieHeader,
  database,
  heavyHolder,
  instanceA,
  instanceB,
  readToEnd,
  seededHolder,
  signInAt,
  stalledDownload,
} from "./harness";

const newPage = async (browser: Browser) =>
  (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } })).newPage();

test("a support view opened on A ends on its next request once the grant is withdrawn on B", async ({
  browser,
}) => {
  const userPage = await newPage(browser);
  const user = seededHolder();
  await signInAt(userPage, instanceB, user);
  await expect(userPage).toHaveURL(/\/account$/);
  const ticket = `SUP-${randomUUID().slice(0, 6)}`;
  await grantAccess(userPage, ticket);

  const agentPage = await newPage(browser);
  await signInAt(agentPage, instanceA, staff.agent);
  await expect(agentPage).toHaveURL(/\/account$/);
  await openAsAgent(
    agentPage,
    user.email,
    ticket,
    "Checking the missing print jobs the customer reported.",
  );
  await agentPage.goto(`${instanceB}/account/profile`);
  await expect(agentPage.getByLabel("Name")).toHaveValue(user.name);

  await userPage.goto(`${instanceB}/account/support-access`);
  await userPage.getByRole("button", { name: `Withdraw access for ticket ${ticket}` }).click();
  await expect(
    userPage.getByText(`no longer look at your account for ticket ${ticket}`),
  ).toBeVisible();

  await agentPage.goto(`${instanceA}/account/profile`);
  await expect(agentPage).toHaveURL(/\/sign-in/);
});

test("export limits hold across both instances", async ({ browser }) => {
  // A long export on A, read no further than its first bytes, keeps running.
  const heavyPage = await newPage(browser);
  await signInAt(heavyPage, instanceA, heavyHolder(0));
  await expect(heavyPage).toHaveURL(/\/account$/);
  const heavyCookie = await cookieHeader(heavyPage);
  const running = await stalledDownload(`${instanceA}/api/export?format=json`, heavyCookie);
  expect(running.status).toBe(200);
  const exportId = running.exportId!;

  // The same account on B: one running export per account, whichever instance runs it.
  const second = await fetch(`${instanceB}/api/export?format=json`, {
    headers: { cookie: heavyCookie },
  });
  expect(second.status).toBe(409);

  // Someone else: A has no free slot (EXPORT_MAX_CONCURRENT=1 per instance), B has.
  const otherPage = await newPage(browser);
  const other = seededHolder();
  await signInAt(otherPage, instanceB, other);
  await expect(otherPage).toHaveURL(/\/account$/);
  const otherCookie = await cookieHeader(otherPage);
  const busy = await fetch(`${instanceA}/api/export?format=json`, {
    headers: { cookie: otherCookie },
  });
  expect(busy.status).toBe(429);
  expect(busy.headers.get("retry-after")).toBeTruthy();
  const onB = await fetch(`${instanceB}/api/export?format=json`, {
    headers: { cookie: otherCookie },
  });
  expect(onB.status).toBe(200);
  expect(await readToEnd(onB.body!)).toBeGreaterThan(0);

  // The heavy export is cancelled: it is recorded as not finished, and A's slot comes free.
  running.cancel();
  const db = database();
  await expect
    .poll(
      async () => (await db`select status from export_history where id = ${exportId}`)[0]?.status,
    )
    .toBe("failed");

  // The daily limit (3) counts exports made on either instance: one on B above, then A, B…
  for (const origin of [instanceA, instanceB]) {
    await expect
      .poll(async () => {
        const answer = await fetch(`${origin}/api/export?format=json`, {
          headers: { cookie: otherCookie },
        });
        if (answer.status === 200) await readToEnd(answer.body!);
        return answer.status;
      })
      .toBe(200);
  }
  // …and the fourth is refused on both.
  for (const origin of [instanceA, instanceB]) {
    const refused = await fetch(`${origin}/api/export?format=json`, {
      headers: { cookie: otherCookie },
    });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("3 exports in the last 24 hours");
  }
  const counted =
    await db`select count(*)::int as n from export_history h join users u on u.id = h.user_id where lower(u.email) = ${other.email.toLowerCase()}`;
  expect(counted[0]!.n).toBe(3);
});
