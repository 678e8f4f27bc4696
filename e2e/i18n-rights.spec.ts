import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { waitForMail } from "./fixtures/mailbox";
import { expect, test } from "./fixtures/users";

// A browser far from UTC: dates must render in its zone without hydration errors.
test.use({ timezoneId: "Pacific/Auckland" });
test.describe.configure({ timeout: 180_000 });

const REFERENCE = /PR-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}/;

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

async function checkLayout(page: Page, what: string) {
  for (const width of [320, 390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${what} at ${width}px`).toBeLessThanOrEqual(0);
    if (width === 320) continue;
    const result = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(
      result.violations.map((v) => `${what} ${width}px: ${v.id}: ${v.nodes[0]?.target}`),
    ).toEqual([]);
  }
}

test("a Dutch holder's request tracker, receipt mail and erasure page are in Dutch", async ({
  page,
  account,
}) => {
  const errors = watchConsole(page);
  await page.goto("/account/requests");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { name: "Je verzoeken", level: 1 })).toBeVisible();
  await expect(page.getByText("Je hebt nog geen verzoeken gedaan.")).toBeVisible();

  await page.goto("/account/requests/new?kind=access");
  await page.getByRole("button", { name: /Send the request|Verstuur/ }).click();
  await expect(page).toHaveURL(/\/account\/requests\/PR-/);
  const reference = (await page.getByRole("heading", { level: 1 }).textContent())!.match(
    REFERENCE,
  )![0];

  // The tracker: headings, the kind, the status and the due date in words.
  await expect(page.getByRole("heading", { name: `Verzoek ${reference}`, level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/Je verzoek/);
  const stands = page.getByRole("region", { name: "Waar je verzoek staat" });
  await expect(stands).toContainText("Een kopie van mijn gegevens");
  await expect(stands).toContainText("Ontvangen");
  await expect(stands.getByText(/Je krijgt uiterlijk .+ antwoord \(nog \d+ dagen\)/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Tijdlijn" })).toContainText("Verzoek ontvangen");
  await checkLayout(page, "tracker (nl)");

  // The list: the status in words, no enum values.
  await page.goto("/account/requests");
  const table = page.getByRole("table", { name: "Je verzoeken, nieuwste eerst" });
  const row = table.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText("Ontvangen");
  await expect(row).not.toContainText("received");
  await checkLayout(page, "requests (nl)");

  // The receipt, in Dutch: subject and body.
  const mail = await waitForMail(account.email, { subject: new RegExp(reference) });
  expect(mail.subject).toBe(`We hebben je verzoek ${reference} ontvangen`);
  expect(mail.text).toContain("Een kopie van mijn gegevens");
  expect(mail.text).toMatch(/Je krijgt binnen \d+ dagen antwoord: uiterlijk op \d+ \w+ \d{4} om/);
  expect(mail.text).toContain("Volg je verzoek");

  // The erasure page.
  await page.goto("/account/delete");
  await expect(
    page.getByRole("heading", { name: "Je account verwijderen", level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /Ik begrijp dat na/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Verwijder mijn account" })).toBeVisible();
  await checkLayout(page, "delete (nl)");
  expect(errors).toEqual([]);
});

test("the English tracker and erasure page pass the same checks", async ({ page, account }) => {
  expect(account.email).toBeTruthy();
  const errors = watchConsole(page);
  await page.goto("/account/requests/new?kind=portability");
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page).toHaveURL(/\/account\/requests\/PR-/);
  await expect(page.getByText(/We answer by .+ \(due in \d+ days\)/)).toBeVisible();
  await checkLayout(page, "tracker (en)");
  await page.goto("/account/delete");
  await checkLayout(page, "delete (en)");
  expect(errors).toEqual([]);
});
