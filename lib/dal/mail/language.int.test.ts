import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { emailOutbox, users } from "@/db/schema";
import { createAccount } from "@/db/testing/auth";
import { requestPasswordReset, resetPassword } from "@/lib/dal/registration";

async function mailsTo(to: string) {
  const db = await getDb();
  return db
    .select({
      kind: emailOutbox.kind,
      subject: emailOutbox.subject,
      text: emailOutbox.textBody,
      html: emailOutbox.htmlBody,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, to))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id));
}

describe("mail in the holder's language", () => {
  it("puts a Dutch reset link and a Dutch password notice in a Dutch holder's outbox", async () => {
    const holder = await createAccount();
    const db = await getDb();
    await db.update(users).set({ language: "nl" }).where(eq(users.id, holder.id));

    await requestPasswordReset(holder.email);
    const [reset] = await mailsTo(holder.email);
    expect(reset!.kind).toBe("reset_password");
    expect(reset!.subject).toBe("Kies een nieuw wachtwoord voor Privacy Center");
    expect(reset!.text).toContain(`Hallo ${holder.name},`);
    expect(reset!.text).not.toMatch(/Choose a new password|If you did not ask/);
    expect(reset!.html).toContain('<html lang="nl">');

    const token = /token=([A-Za-z0-9_-]+)/.exec(reset!.text)![1]!;
    expect(await resetPassword(token, "Stille-Weide-Tramlijn-42")).toBe("ok");
    const [notice] = (await mailsTo(holder.email)).filter((m) => m.kind === "password_changed");
    expect(notice!.subject).toBe("Het wachtwoord van je Privacy Center-account is gewijzigd");
    expect(notice!.text).toMatch(/\d+ \p{L}+ \d{4} om \d\d:\d\d UTC/u);
  });

  it("keeps an English holder's mail in English", async () => {
    const holder = await createAccount();
    await requestPasswordReset(holder.email);
    const [reset] = await mailsTo(holder.email);
    expect(reset!.subject).toBe("Choose a new password for Privacy Center");
    expect(reset!.text).toContain(`Hello ${holder.name},`);
    expect(reset!.html).toContain('<html lang="en">');
  });
});
