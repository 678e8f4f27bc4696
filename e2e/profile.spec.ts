import { expect, test } from "@playwright/test";
import { extractLink, waitForMail } from "./fixtures/mailbox";
import { alertBox, newUser, registeredUser, signIn, signOut, uniqueIp } from "./fixtures/users";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
});

test("bad profile input shows field errors and changes nothing; good input persists @phone", async ({
  page,
}) => {
  const user = await registeredUser(page, "profile");
  await page.goto("/account/profile");

  await page.getByLabel("Name").fill("");
  await page.getByLabel("Phone (optional)").fill("call me maybe");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();
  await expect(page.getByText(/Enter a phone number of 6 to 15 digits/)).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  await page.reload();
  await expect(page.getByLabel("Name")).toHaveValue(user.name);
  await expect(page.getByLabel("Phone (optional)")).toHaveValue("");

  await page.getByLabel("Name").fill("Marijke de Vries");
  await page.getByLabel("Company (optional)").fill("Filament & Co");
  await page.getByLabel("Country (optional)").selectOption("NL");
  await page.getByLabel("Phone (optional)").fill("+31 30 123 4567");
  await page.getByLabel("Language for our messages").selectOption("nl");
  await page.getByRole("button", { name: "Save profile" }).click();
  // The account's language is the site's: the page comes back in Dutch at once.
  await expect(page.getByText("Je profiel is opgeslagen.")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Je profiel");
  await expect(page.getByLabel("Naam")).toHaveValue("Marijke de Vries");
  await expect(page.getByLabel("Bedrijf (optioneel)")).toHaveValue("Filament & Co");
  await expect(page.getByLabel("Land (optioneel)")).toHaveValue("NL");
  await expect(page.getByLabel("Land (optioneel)").locator("option:checked")).toHaveText(
    "Nederland",
  );
  await expect(page.getByLabel("Telefoon (optioneel)")).toHaveValue("+31 30 123 4567");
  await expect(page.getByLabel("Taal van onze berichten")).toHaveValue("nl");
});

test("an email change completes only through the new address's link", async ({ page }) => {
  const user = await registeredUser(page, "emailchange");
  const next = newUser("newaddress").email;
  await page.goto("/account/profile");
  await page.getByLabel("New email address").fill(next);
  await page.getByRole("button", { name: "Change email address" }).click();
  await expect(page.getByText(`We sent a link to ${next}`)).toBeVisible();

  await page.reload();
  await expect(page.getByText(`You sign in with ${user.email}`)).toBeVisible();
  await expect(page.getByText(`We are waiting for you to confirm ${next}`)).toBeVisible();

  const mail = await waitForMail(next, { subject: /Confirm your new email/ });
  await page.goto(extractLink(mail.text, "/confirm-email-change"));
  await page.getByRole("button", { name: "Use this email address" }).click();
  await expect(page.getByText("your account now uses this email address")).toBeVisible();

  const notice = await waitForMail(user.email, { subject: /email address was changed/ });
  expect(notice.text).not.toMatch(/token=/);

  await signOut(page);
  await signIn(page, { email: user.email, password: user.password });
  await expect(alertBox(page)).toBeVisible();
  await signIn(page, { email: next, password: user.password });
  await expect(page).toHaveURL(/\/account$/);
});
