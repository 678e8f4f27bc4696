import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/users";

// A browser far from UTC: times must render in its zone without hydration errors.
test.use({ timezoneId: "Europe/Amsterdam" });
test.describe.configure({ timeout: 180_000 });

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

/** No sideways scroll at 320, 390 and 1280 px; axe clean at 390 and 1280. */
async function checkLayout(page: Page, what: string) {
  for (const width of [320, 390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
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

test.describe("signed out, with a Dutch browser", () => {
  test.use({ locale: "nl-NL" });

  test("the public request form and its validation read Dutch", async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto("/requests/new");
    await expect(page).toHaveTitle(/Een verzoek indienen zonder account/);
    await expect(
      page.getByRole("heading", { level: 1, name: "Een verzoek over je gegevens" }),
    ).toBeVisible();
    await expect(page.getByRole("group", { name: "Wat wil je dat we doen?" })).toBeVisible();
    await expect(page.getByRole("radio", { name: /Mijn gegevens corrigeren/ })).toBeVisible();
    await expect(page.getByText(/We antwoorden binnen \d+ dagen nadat je/)).toBeVisible();
    await checkLayout(page, "public request form (nl)");

    // Nothing filled in: every message is Dutch, none is a key or English.
    await page.getByRole("button", { name: "Verstuur het verzoek" }).click();
    const email = page.getByLabel("Je e-mailadres");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    const form = page.locator("main form");
    await expect(form).not.toContainText("validation.");
    await expect(form).not.toContainText(/Enter|Choose|required/i);

    // A kind that needs details, without them.
    await email.fill("iemand@example.com");
    await page.getByRole("radio", { name: /Mijn gegevens corrigeren/ }).check();
    await expect(page.getByLabel("Toelichting", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Verstuur het verzoek" }).click();
    await expect(page.getByLabel("Toelichting", { exact: true })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await expect(form).not.toContainText("validation.");
    await checkLayout(page, "public request form with errors (nl)");
    expect(errors).toEqual([]);
  });

  test("the link pages read Dutch, also with a bad link", async ({ page }) => {
    const errors = watchConsole(page);
    const pages: [string, string, string][] = [
      ["/unsubscribe", "Uitschrijven voor de nieuwsbrief", "Schrijf me uit"],
      [
        "/newsletter/confirm",
        "Bevestig je inschrijving voor de nieuwsbrief",
        "Ja, stuur me de nieuwsbrief",
      ],
      ["/keep-account", "Je account houden", "Mijn account houden"],
      ["/requests/verify", "Bevestig je verzoek", "Bevestigen en mijn verzoek versturen"],
    ];
    for (const [path, heading, button] of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(
        page.getByText(/Voor deze pagina heb je de link uit je e-mail nodig/),
      ).toBeVisible();
      await checkLayout(page, `${path} without a link (nl)`);

      await page.goto(`${path}?token=not-a-real-token-0123456789`);
      await page.getByRole("button", { name: button }).click();
      await expect(page.getByRole("alert").filter({ hasText: /niet geldig/ })).toBeVisible();
      await checkLayout(page, `${path} with a bad link (nl)`);
    }
    expect(errors).toEqual([]);
  });
});

test("a Dutch holder sees processing, delete-data, complaint and a new request in Dutch", async ({
  page,
  account,
}) => {
  expect(account.email).toBeTruthy();
  const errors = watchConsole(page);
  await page.goto("/account/processing");
  await page.getByRole("contentinfo").getByRole("button", { name: "Nederlands" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Beperken of bezwaar maken" }),
  ).toBeVisible();
  await expect(page).toHaveTitle(/Beperken of bezwaar maken/);
  await expect(page.getByText("Nog niets omgezet.")).toBeVisible();
  const restrict = page.getByRole("switch", { name: "Printopdrachten beperken" });
  await restrict.check();
  await expect(page.getByText("Printopdrachten beperken: vanaf nu aan.")).toBeVisible();
  const history = page.getByRole("list", { name: "Geschiedenis van je beperkingen en bezwaren" });
  await expect(history).toContainText(/Gestart .+ door jou/);
  await expect(history).toContainText("Nog actief");
  await restrict.uncheck();
  await expect(history).toContainText(/Opgeheven .+ door jou/);
  await checkLayout(page, "processing (nl)");

  await page.goto("/account/delete-data");
  await expect(page.getByRole("heading", { level: 1, name: "Gegevens verwijderen" })).toBeVisible();
  await page.getByLabel("Soort gegevens").selectOption({ label: "Diagnose" });
  await page.getByLabel("Vanaf (optioneel)").fill("2026-02-02");
  await page.getByRole("button", { name: "Tel wat er verwijderd zou worden" }).click();
  await expect(page.getByRole("status")).toContainText(/‘diagnose’ vanaf 2 feb\.? 2026/);
  await checkLayout(page, "delete data (nl)");

  await page.goto("/account/complaint");
  await expect(page.getByRole("heading", { level: 1, name: "Klacht indienen" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open je dossier met verzoeken" })).toBeVisible();
  await checkLayout(page, "complaint (nl)");

  await page.goto("/account/requests/new");
  await expect(page.getByRole("heading", { level: 1, name: "Een verzoek indienen" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Mijn account verwijderen" })).toBeVisible();
  await page.getByRole("radio", { name: /Mijn gegevens corrigeren/ }).check();
  await page.getByRole("button", { name: "Verstuur het verzoek" }).click();
  await expect(page.getByLabel("Toelichting", { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expect(page.locator("main form")).not.toContainText("validation.");
  await checkLayout(page, "new request (nl)");
  expect(errors).toEqual([]);
});
