import { spawn } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { grantAccess, openAsAgent } from "./fixtures/support";
import { expect, signIn, staff, test, uniqueIp } from "./fixtures/users";

// Data arriving through the ingestion API (/api/v1) shows up on the holder's pages while they
// look, and what a restriction refused is counted on the token. Each test's holder is its own
// (the `account` fixture), with a token made through the page as a person would.

/** Creates a printer token on the access-tokens page and returns its secret. */
async function createToken(page: Page, name: string): Promise<string> {
  await page.goto("/account/data/access-tokens");
  await page.getByLabel("Token name").fill(name);
  // The defaults for a printer: it may send, and reads nothing.
  await expect(page.getByLabel("Send printer status")).toBeChecked();
  await expect(page.getByLabel("Send print jobs and temperatures")).toBeChecked();
  await expect(page.getByLabel("Read your printers")).not.toBeChecked();
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token-secret").textContent())!.trim();
  expect(secret).toMatch(/^pct_/);
  return secret;
}

/** Runs the printer simulator (scripts/simulate.ts) to its end; its output and exit code. */
function simulate(baseURL: string, token: string, seconds: number) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(
      "npx",
      [
        "tsx",
        "scripts/simulate.ts",
        "--url",
        baseURL,
        "--printers",
        "1",
        "--interval",
        "1",
        "--duration",
        String(seconds),
      ],
      // The token through the environment, as a person would keep it out of their history.
      { env: { ...process.env, PC_TOKEN: token }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

/** Marks the document; the mark survives live refreshes and is gone after a reload. */
const markDocument = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
const stillSameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);

test("the simulator's printer, print job and temperatures appear live; a restriction's refusals are counted", async ({
  page,
  context,
  baseURL,
  account: _,
}) => {
  test.setTimeout(240_000);
  const secret = await createToken(page, "Workshop simulator");
  const token = page.getByRole("listitem").filter({ hasText: "Workshop simulator" });
  await expect(token.getByRole("list", { name: "What Workshop simulator may do" })).toContainText(
    "Send printer status",
  );
  await expect(token.getByText("never", { exact: true })).toBeVisible();

  // Both pages open before the first request can arrive: whatever shows later came live.
  await page.goto("/account/data/printers");
  await expect(page.getByText("No printers are connected to your account.")).toBeVisible();
  const jobs = await context.newPage();
  await jobs.goto("/account/data/print-jobs");
  await expect(jobs.getByText("No print jobs recorded yet.")).toBeVisible();
  await markDocument(page);
  await markDocument(jobs);

  const run = simulate(baseURL!, secret, 30);

  const printer = page.getByRole("listitem").filter({ hasText: "serial SIM-0001" });
  await expect(printer.getByRole("link", { name: "Simulated printer 1" })).toBeVisible({
    timeout: 60_000,
  });
  await expect(printer).toContainText("Printing", { timeout: 30_000 });

  const job = jobs.getByRole("link", { name: /\.ufp$/ });
  await expect(job).toBeVisible({ timeout: 30_000 });
  expect(await stillSameDocument(jobs)).toBe(true);
  await job.click();
  await expect(
    jobs.getByRole("figure", { name: /nozzle and build plate temperature/ }),
  ).toBeVisible();
  const samples = jobs.getByText(/^Temperatures as a table \(\d+ samples\)$/);
  const count = async () =>
    Number(/\((\d+) samples/.exec((await samples.textContent()) ?? "")?.[1]);
  const first = await count();
  await markDocument(jobs);
  // The chart grows while the print runs, without a reload.
  await expect.poll(count, { timeout: 30_000 }).toBeGreaterThan(first);
  expect(await stillSameDocument(jobs)).toBe(true);

  const ended = await run;
  expect(ended.out).toContain("stopped cleanly");
  expect(ended.code).toBe(0);
  // The simulator's last word for the printer: offline, seen on the page that never reloaded.
  await expect(printer).toContainText("Offline", { timeout: 30_000 });
  expect(await stillSameDocument(page)).toBe(true);

  await page.goto("/account/processing");
  await page.getByRole("switch", { name: "Restrict print jobs" }).check();
  await expect(page.getByText("Restrict print jobs: on")).toBeVisible();

  const refused = await simulate(baseURL!, secret, 6);
  expect(refused.code).toBe(0);
  expect(refused.out).toMatch(/refused, nothing stored — 409 restricted/);

  await page.goto("/account/data/access-tokens");
  await expect(token.getByText("never", { exact: true })).toHaveCount(0);
  await expect(
    token.getByRole("list", { name: "What Workshop simulator sent that we did not store" }),
  ).toContainText(
    /Tried to send \d+ print-job items? .*in \d+ requests? while you had print jobs restricted\. None of it was stored\. First on .* UTC, last on .* UTC\./,
  );
});

test("token and printer pages fit a 390 px screen, pass axe, and word a refusal plainly @phone", async ({
  page,
  request,
  account: _,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const secret = await createToken(page, "Phone test printer");
  const api = (method: "put" | "post", path: string, data: unknown) =>
    request[method](path, {
      data,
      headers: { authorization: `Bearer ${secret}`, "idempotency-key": crypto.randomUUID() },
    });
  const put = await api("put", "/api/v1/printers/PHONE-1", {
    name: "Attic S3",
    model: "UltiMaker S3",
    firmware: "8.3.0",
  });
  expect(put.status()).toBe(201);
  const idle = { status: "idle", occurredAt: new Date().toISOString() };
  expect((await api("post", "/api/v1/printers/PHONE-1/status", idle)).status()).toBe(201);

  await page.goto("/account/data/printers");
  const printer = page.getByRole("listitem").filter({ hasText: "serial PHONE-1" });
  await expect(printer).toContainText("Idle");
  await markDocument(page);
  const printing = { status: "printing", occurredAt: new Date().toISOString() };
  expect((await api("post", "/api/v1/printers/PHONE-1/status", printing)).status()).toBe(201);
  await expect(printer).toContainText("Printing", { timeout: 20_000 });
  expect(await stillSameDocument(page)).toBe(true);
  await page.getByRole("button", { name: "Pause live updates" }).click();
  await expect(page.getByRole("button", { name: "Pause live updates" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.getByText("Live updates of statuses are paused.")).toBeVisible();
  await noOverflow(page);
  await noAxeViolations(page);

  await page.goto("/account/processing");
  await page.getByRole("switch", { name: "Restrict printers and print groups" }).check();
  await expect(page.getByText("Restrict printers and print groups: on")).toBeVisible();
  const blocked = await api("post", "/api/v1/printers/PHONE-1/status", idle);
  expect(blocked.status()).toBe(409);

  await page.goto("/account/data/access-tokens");
  await expect(
    page.getByRole("list", { name: "What Phone test printer sent that we did not store" }),
  ).toContainText(
    "Tried to send 1 printer update in 1 request while you had printers restricted. None of it was stored.",
  );
  await noOverflow(page);
  await noAxeViolations(page);
});

test("in a support view the printers page stays live, read-only, and counts as one page viewed", async ({
  page,
  browser,
  request,
  account,
}) => {
  test.setTimeout(180_000);
  const secret = await createToken(page, "Support view printer");
  const send = (status: string) =>
    request.post("/api/v1/printers/SUPPORT-1/status", {
      data: { status, occurredAt: new Date().toISOString() },
      headers: { authorization: `Bearer ${secret}`, "idempotency-key": crypto.randomUUID() },
    });
  const put = await request.put("/api/v1/printers/SUPPORT-1", {
    data: { name: "Lab S7", model: "UltiMaker S7", firmware: "8.3.0" },
    headers: { authorization: `Bearer ${secret}`, "idempotency-key": crypto.randomUUID() },
  });
  expect(put.status()).toBe(201);
  expect((await send("idle")).status()).toBe(201);
  const ticket = `T-${crypto.randomUUID().slice(0, 8)}`;
  await grantAccess(page, ticket);

  const agentContext = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": uniqueIp() },
  });
  const agentPage = await agentContext.newPage();
  await signIn(agentPage, staff.agent);
  await expect(agentPage).toHaveURL(/\/account$/);
  await openAsAgent(agentPage, account.email, ticket, "The printer's status looks stuck to them.");
  await agentPage.goto("/account/data/printers");
  const printer = agentPage.getByRole("listitem").filter({ hasText: "serial SUPPORT-1" });
  await expect(printer).toContainText("Idle");
  await markDocument(agentPage);
  expect((await send("maintenance")).status()).toBe(201);
  await expect(printer).toContainText("Maintenance", { timeout: 20_000 });
  // And again, so several refreshes have happened while the agent looked.
  expect((await send("printing")).status()).toBe(201);
  await expect(printer).toContainText("Printing", { timeout: 20_000 });
  expect(await stillSameDocument(agentPage)).toBe(true);
  await agentContext.close();

  // The holder sees the page among those viewed once, not once per refresh.
  await page.goto("/account/staff-access");
  const visit = page.getByRole("article").first();
  await expect(visit).toContainText(ticket);
  const text = (await visit.textContent()) ?? "";
  expect(text.split("/account/data/printers").length - 1).toBe(1);
});

async function noOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, page.url()).toBeLessThanOrEqual(0);
}

async function noAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
}
