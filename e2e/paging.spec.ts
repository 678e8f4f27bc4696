import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { registeredUser, uniqueIp } from "./fixtures/users";

// A cursor in the URL is anyone's input. Junk there must give the list's first page (never a
// 500), and nothing about it — no SQL, no parameters, no user id — may reach the server's log.

const UUID = "0f8fad5b-d9cb-469f-a165-70867728950e";
const junk = [
  "99999999999999999999", // 20 digits, no id: the value from the finding
  "99999999999999999999_1", // a time past bigint: the database threw on this
  "253402300800000000_1", // one microsecond past the year 9999
  "1732851010123456_99999999999999999999", // an id past bigint
  "1732851010123456_9223372036854775808", // bigint's largest plus one
  `1732851010123456_${UUID}`, // a uuid where ids are numbers
  "1732851010123456_------------------------------------", // 36 dashes: looked like a uuid
  "-1_1",
  "1e3_1",
  "%27%20or%201%3D1--",
];

/** The lists a new account holder can open that read ?after= and ?before=. */
const lists = [
  { path: "/account/data/login-activity", heading: "Every sign-in attempt" },
  { path: "/account/data/staff-access", heading: "Visits to your account" },
  { path: "/account/data/print-jobs", heading: null },
  { path: "/account/data/diagnostics", heading: null },
];

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
});

test("junk cursors give the first page, and the server logs no SQL", async ({ page }) => {
  test.setTimeout(300_000);
  const user = await registeredUser(page, "paging");
  const logPath = process.env.E2E_SERVER_LOG!;
  const logStart = readFileSync(logPath, "utf8").length;

  // The first page as it is without a cursor: the one sign-in this account has made.
  await page.goto("/account/data/login-activity");
  const history = page.getByRole("list", { name: "Sign-in attempts, newest first" });
  await expect(history.getByRole("listitem")).toHaveCount(1); // the one sign-in
  const firstPage = (await history.textContent())!;

  const urls = junk.flatMap((value) =>
    ["after", "before"].flatMap((key) => lists.map((list) => ({ list, key, value }))),
  );
  // A few at a time: the answers are what matters, not the order.
  for (let i = 0; i < urls.length; i += 8) {
    await Promise.all(
      urls.slice(i, i + 8).map(async ({ list, key, value }) => {
        const url = `${list.path}?${key}=${value}`;
        const response = await page.request.get(url);
        expect(response.status(), url).toBe(200);
        const html = await response.text();
        if (list.heading) expect(html, url).toContain(list.heading);
        // The first page has nothing newer: no way back. (Matched on the markup: the words
        // themselves also travel in the page's messages for the browser.)
        expect(html, url).not.toMatch(/rel="prev"|>Newest</);
      }),
    );
  }
  // As a person sees it: exactly the first page.
  for (const value of junk.slice(0, 3)) {
    await page.goto(`/account/data/login-activity?after=${value}`);
    await expect(history).toHaveText(firstPage);
    await page.goto(`/account/staff-access?before=${value}`);
    await expect(page.getByText("No one from our staff has looked at your account.")).toBeVisible();
  }

  const logged = readFileSync(logPath, "utf8").slice(logStart);
  expect(logged).not.toMatch(/Failed query|params:|\bselect\b|\bfrom "|out of range/i);
  expect(logged).not.toContain(user.email);
});
