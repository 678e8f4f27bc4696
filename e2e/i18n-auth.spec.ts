import { expect, test } from "@playwright/test";
import { alertBox, newUser, registeredUser, signIn, uniqueIp } from "./fixtures/users";

// Sign-up and sign-in for a visitor whose browser asks for Dutch, and an account whose own
// language (the profile's choice) wins over whatever the browser asks for.

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
});

test.describe("a browser that asks for Dutch", () => {
  test.use({ locale: "nl-NL" });

  test("signs up in Dutch: labels, field errors and the password verdict", async ({ page }) => {
    await page.goto("/sign-up");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page).toHaveTitle(/Account aanmaken/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Account aanmaken");

    // Empty: every field says what it needs, in Dutch.
    await page.getByRole("button", { name: "Account aanmaken" }).click();
    await expect(page.getByText("Vul je naam in")).toBeVisible();
    await expect(page.getByText("Vul je e-mailadres in")).toBeVisible();
    await expect(page.getByText("Gebruik minstens 8 tekens")).toBeVisible();
    await expect(page.getByLabel("Je naam")).toHaveAttribute("aria-invalid", "true");

    // Invalid address, passwords that differ.
    const user = newUser("dutch");
    await page.getByLabel("Je naam").fill(user.name);
    await page.getByLabel("E-mailadres").fill("niet-een-adres");
    await page.getByLabel("Wachtwoord", { exact: true }).fill("kort");
    await page.getByLabel("Herhaal het wachtwoord").fill("anders");
    await page.getByRole("button", { name: "Account aanmaken" }).click();
    await expect(page.getByText(/Vul een geldig e-mailadres in/)).toBeVisible();
    await expect(page.getByText("De twee wachtwoorden zijn niet hetzelfde")).toBeVisible();

    // A weak password is refused by the server, also in Dutch.
    await page.getByLabel("E-mailadres").fill(user.email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill("password123");
    await page.getByLabel("Herhaal het wachtwoord").fill("password123");
    await page.getByRole("button", { name: "Account aanmaken" }).click();
    await expect(alertBox(page).first()).toContainText("Kies een sterker wachtwoord.");
    await expect(page.getByText(/meest gebruikte wachtwoorden/)).toBeVisible();

    await page.getByLabel("Wachtwoord", { exact: true }).fill(user.password);
    await page.getByLabel("Herhaal het wachtwoord").fill(user.password);
    await page.getByRole("button", { name: "Account aanmaken" }).click();
    await expect(page.getByText("Kijk in je mailbox")).toBeVisible();
    await expect(page.getByText(user.email)).toBeVisible();
  });

  test("signs in in Dutch: labels, field errors and a refusal", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByText("Vul je e-mailadres in")).toBeVisible();
    await expect(page.getByText("Vul je wachtwoord in")).toBeVisible();

    await page.getByLabel("E-mailadres").fill("a@b");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByText(/Vul een geldig e-mailadres in/)).toBeVisible();

    await page.getByLabel("E-mailadres").fill(newUser("nobody").email);
    await page.getByLabel("Wachtwoord").fill("Kettle-Nobody-Orchard-Lantern");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(alertBox(page)).toContainText("horen niet bij een account");
    await expect(page.getByRole("link", { name: "Wachtwoord vergeten?" })).toBeVisible();
  });
});

test("the account's language wins over the browser's", async ({ page, browser }) => {
  const user = await registeredUser(page, "nlaccount");
  await page.goto("/account/profile");
  await page.getByLabel("Language for our messages").selectOption("nl");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Je profiel is opgeslagen.")).toBeVisible();

  // Another browser that asks for English: the sign-in page is English…
  const english = await browser.newContext({
    locale: "en-GB",
    extraHTTPHeaders: { "x-forwarded-for": uniqueIp() },
  });
  const other = await english.newPage();
  await signIn(other, user);
  await expect(other).toHaveURL(/\/account$/);
  // …and once signed in, the account speaks Dutch.
  await other.goto("/account/security");
  await expect(other.locator("html")).toHaveAttribute("lang", "nl");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Inloggen en beveiliging");
  await expect(other.getByRole("heading", { name: "Waar je bent ingelogd" })).toBeVisible();
  await other.goto("/account/profile");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Je profiel");
  await expect(other.getByLabel("Naam")).toHaveValue(user.name);
  await english.close();
});

test("a link from an email that no longer works says so in the visitor's language", async ({
  browser,
}) => {
  const context = await browser.newContext({
    locale: "nl-NL",
    extraHTTPHeaders: { "x-forwarded-for": uniqueIp() },
  });
  const page = await context.newPage();
  await page.goto("/verify-email?token=" + "x".repeat(40));
  await page.getByRole("button", { name: "Mijn e-mailadres bevestigen" }).click();
  await expect(alertBox(page)).toContainText("Deze link is niet geldig");
  await context.close();
});
