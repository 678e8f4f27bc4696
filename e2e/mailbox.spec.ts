import { expect, test } from "@playwright/test";
import { extractLink, waitForMail } from "./fixtures/mailbox";
import { registeredUser, signIn, signOut, uniqueIp } from "./fixtures/users";

// The e2e server runs the production build with DEMO_MODE=true and a real SMTP server.

test("an admin never reads a delivered reset link in the mailbox; the holder hears of the reset", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const headers = () => ({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
  const holderPage = await (await browser.newContext(headers())).newPage();
  const holder = await registeredUser(holderPage, "reset");
  await signOut(holderPage);

  await holderPage.goto("/forgot-password");
  await holderPage.getByLabel("Email address").fill(holder.email);
  await holderPage.getByRole("button", { name: "Send me a link" }).click();
  await expect(holderPage.getByText("we have sent it a link")).toBeVisible();
  const resetMail = await waitForMail(holder.email, { subject: /Choose a new password/ });
  const link = extractLink(resetMail.text, "/reset-password");
  const token = new URL(link).searchParams.get("token")!;

  // The admin sees that the mail went out, to whom and when — never its link.
  const adminPage = await (await browser.newContext(headers())).newPage();
  await signIn(adminPage, { email: "admin@example.com", password: "admin-Privacy-2026!" });
  await expect(adminPage).toHaveURL(/\/account$/);
  const entry = adminPage.getByRole("listitem").filter({ hasText: `to ${holder.email}` });
  await expect(async () => {
    await adminPage.goto("/admin/mailbox");
    await expect(entry.filter({ hasText: "reset password · Sent" })).toBeVisible({ timeout: 1 });
  }).toPass({ timeout: 20_000 });
  await expect(
    adminPage.getByText("Demo mode — sample data, do not use real information."),
  ).toBeVisible();
  await expect(entry.filter({ hasText: "reset password" })).not.toContainText("Show the message");
  expect(await adminPage.content()).not.toContain(token);

  // The holder sets a new password with the mailed link and is told it was changed.
  const before = new Date();
  await holderPage.goto(link);
  await holderPage.getByLabel("New password", { exact: true }).fill("Amber-Quarry-Violin-58");
  await holderPage.getByLabel("Repeat the new password").fill("Amber-Quarry-Violin-58");
  await holderPage.getByRole("button", { name: "Set new password" }).click();
  await expect(holderPage.getByText("Your new password is set")).toBeVisible();
  const notice = await waitForMail(holder.email, {
    subject: /password was changed/,
    after: before,
  });
  expect(notice.text).toContain(holder.name);
});
