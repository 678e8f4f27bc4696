import type { Page } from "@playwright/test";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { readFile } from "node:fs/promises";
import { unzip, untilPasswordIsStale } from "./fixtures/export";
import { expect, test } from "./fixtures/users";

/** "What it holds now": records per file, as the page shows them (rows name their file). */
async function shownCounts(page: Page): Promise<Map<string, number>> {
  const rows = page.getByRole("table").getByRole("row");
  const out = new Map<string, number>();
  for (const row of await rows.all()) {
    const cells = await row.getByRole("cell").allTextContents();
    const file = await row.getAttribute("data-file");
    if (file && cells.length === 3) out.set(file, Number(cells[2]!.replaceAll(",", "")));
  }
  return out;
}

/** Clicks download and answers the password step-up (the e2e server's window is 6 seconds). */
async function download(page: Page, format: "JSON" | "CSV", password: string) {
  await untilPasswordIsStale(page);
  await page.getByLabel(new RegExp(`^${format}:`)).check();
  const downloading = page.waitForEvent("download", { timeout: 60_000 });
  await page.getByRole("button", { name: "Download my data" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it is you" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Your password").fill(password);
  await dialog.getByRole("button", { name: "Confirm" }).click();
  const file = await downloading;
  await expect(page.getByRole("status").filter({ hasText: /^Done:/ })).toBeVisible();
  return { file: await readFile((await file.path())!), name: file.suggestedFilename() };
}

test("an account holder with the demo's data re-authenticates and downloads JSON and the CSV ZIP; both open and agree with the database", async ({
  page,
  request,
  holder,
}) => {
  test.setTimeout(180_000);
  // `holder` is this test's own account with the demo's data, signed in on `page`.
  await page.goto("/account/export");
  await expect(page.getByRole("heading", { name: "Download your data" })).toBeVisible();
  const counts = await shownCounts(page);
  expect(counts.get("print-jobs/print_jobs")).toBeGreaterThan(1000);

  const json = await download(page, "JSON", holder.password);
  expect(json.name).toMatch(/\.json$/);
  const doc = JSON.parse(json.file.toString("utf8"));
  const schemaUrl = new URL(doc.manifest.schema);
  const schema = await (await request.get(schemaUrl.pathname)).json();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  for (const [file, n] of counts) {
    const [category, table] = file.split("/");
    const rows = doc.categories[category!][table!].length;
    // Every file holds exactly what the snapshot counted.
    expect(doc.counts[category!][table!], file).toBe(rows);
    // The history table gains this very export (as running) between the page and the snapshot.
    expect(rows, file).toBe(table === "export_history" ? n + 1 : n);
  }

  const zip = await download(page, "CSV", holder.password);
  expect(zip.name).toMatch(/\.zip$/);
  const files = await unzip(zip.file);
  const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8"));
  expect(files.get("README.txt")!.toString()).toContain("print-jobs/print_jobs.csv");
  for (const [file, n] of counts) {
    const rows = parse(files.get(`${file}.csv`)!, { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    const [category, table] = file.split("/");
    expect(manifest.counts[category!][table!], file).toBe(rows.length);
    const expected = table === "export_history" ? n + 2 : n; // the JSON export and this one
    expect(rows.length, file).toBe(expected);
  }

  // Both appear in the history, with size and fingerprint.
  await page.reload();
  const history = page.getByRole("region", { name: "Your earlier exports" });
  await expect(history.getByText(/JSON, Completed/).first()).toBeVisible();
  await expect(history.getByText(/CSV \(ZIP\), Completed/).first()).toBeVisible();
  const { createHash } = await import("node:crypto");
  await expect(
    history.getByText(createHash("sha256").update(zip.file).digest("hex")),
  ).toBeVisible();
});

test("the export refuses a signed-out visitor and bad settings, and needs a recent password", async ({
  page,
  request,
  account,
}) => {
  expect((await request.get("/api/export?format=json")).status()).toBe(401);
  // registeredUser has just signed `account` in on `page`.
  expect(account.email).toMatch(/@example\.test$/);
  await expect(page).toHaveURL(/\/account$/);
  const bad = await page.request.get("/api/export?format=pdf");
  expect(bad.status()).toBe(400);
  await untilPasswordIsStale(page);
  const stale = await page.request.get("/api/export?format=json");
  expect(stale.status()).toBe(401);
  expect(await stale.json()).toMatchObject({ type: "about:blank#reauth_required", reauth: true });
});
