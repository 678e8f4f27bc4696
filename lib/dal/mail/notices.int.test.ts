import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { emailOutbox, sessions } from "@/db/schema";
import { createAccount, signInAs } from "@/db/testing/auth";
import { requestPasswordReset, resetPassword } from "@/lib/dal/registration";

async function mailsTo(to: string) {
  const db = await getDb();
  return db
    .select({ kind: emailOutbox.kind, subject: emailOutbox.subject, text: emailOutbox.textBody })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, to))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id));
}

describe("a completed password reset", () => {
  it("mails the holder that the password was changed and ends their other sessions", async () => {
    const holder = await createAccount();
    const bystander = await createAccount();
    const [laptop, phone] = [await signInAs(holder), await signInAs(holder)];
    const untouched = await signInAs(bystander);

    await requestPasswordReset(holder.email);
    const [reset] = await mailsTo(holder.email);
    expect(reset!.kind).toBe("reset_password");
    const token = /token=([A-Za-z0-9_-]+)/.exec(reset!.text)![1]!;
    // Asking for a link changes nothing yet: no notice, sessions still open.
    expect((await mailsTo(holder.email)).map((m) => m.kind)).toEqual(["reset_password"]);

    expect(await resetPassword(token, "Quiet-Meadow-Tramline-42")).toBe("ok");
    const notices = (await mailsTo(holder.email)).filter((m) => m.kind === "password_changed");
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subject).toMatch(/password was changed/);
    expect(notices[0]!.text).toContain(holder.name);

    const db = await getDb();
    const open = await db
      .select({ id: sessions.id, reason: sessions.revokedReason })
      .from(sessions)
      .where(and(eq(sessions.userId, holder.id)));
    expect(open.filter((s) => s.id === laptop || s.id === phone).map((s) => s.reason)).toEqual([
      "password_reset",
      "password_reset",
    ]);
    const [other] = await db
      .select({ revokedAt: sessions.revokedAt })
      .from(sessions)
      .where(eq(sessions.id, untouched));
    expect(other!.revokedAt).toBeNull();
    expect(await mailsTo(bystander.email)).toEqual([]);
  });

  it("sends no notice when the link is refused", async () => {
    const holder = await createAccount();
    await requestPasswordReset(holder.email);
    const token = /token=([A-Za-z0-9_-]+)/.exec((await mailsTo(holder.email))[0]!.text)![1]!;
    expect(await resetPassword(token, "Quiet-Meadow-Tramline-43")).toBe("ok");
    expect(await resetPassword(token, "Quiet-Meadow-Tramline-44")).toBe("used");
    expect(await resetPassword("x".repeat(43), "Quiet-Meadow-Tramline-45")).toBe("invalid");
    const kinds = (await mailsTo(holder.email)).map((m) => m.kind);
    expect(kinds.filter((k) => k === "password_changed")).toHaveLength(1);
  });
});
