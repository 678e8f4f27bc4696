import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { sessions } from "@/db/schema";
import { createAccount, getUserRow, signInAs } from "@/db/testing/auth";
import { authenticate } from "@/lib/dal/auth";
import { resetPassword } from "@/lib/dal/registration";
import { createOrPromoteAdmin } from "./bootstrap";

const appUrl = "https://privacy.example.org";
const signIn = (email: string, password: string) =>
  authenticate({ email, password, ip: "198.51.100.9", userAgent: null });
const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

describe("npm run admin:create", () => {
  it("creates an admin with no usable password and a one-time set-password link", async () => {
    const email = `First-Admin-${randomUUID()}@example.test`;
    const made = await createOrPromoteAdmin(await getDb(), { email, name: "Ada Admin", appUrl });
    expect(made.created).toBe(true);
    const row = await getUserRow(made.userId);
    expect(row).toMatchObject({ email, name: "Ada Admin", role: "admin", passwordHash: null });

    const link = new URL(made.link);
    expect(`${link.origin}${link.pathname}`).toBe(`${appUrl}/reset-password`);
    expect(tokenOf(made.link)).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect((await signIn(email, "")).ok).toBe(false);

    expect(await resetPassword(tokenOf(made.link), "Granite-Harbour-Kestrel-31")).toBe("ok");
    expect(await resetPassword(tokenOf(made.link), "Granite-Harbour-Kestrel-32")).toBe("used");
    expect((await signIn(email.toLowerCase(), "Granite-Harbour-Kestrel-31")).ok).toBe(true);
  });

  it("promotes an existing account: its old password stops working and its sessions end", async () => {
    const holder = await createAccount();
    const sid = await signInAs(holder);
    const made = await createOrPromoteAdmin(await getDb(), {
      email: holder.email.toUpperCase(),
      name: "ignored for an existing account",
      appUrl,
    });
    expect(made).toMatchObject({ userId: holder.id, created: false });
    expect(await getUserRow(holder.id)).toMatchObject({
      role: "admin",
      name: holder.name,
      passwordHash: null,
    });
    expect((await signIn(holder.email, holder.password)).ok).toBe(false);
    const db = await getDb();
    const [session] = await db
      .select({ reason: sessions.revokedReason })
      .from(sessions)
      .where(eq(sessions.id, sid));
    expect(session!.reason).toBe("admin_create");

    // A second run makes a new link; only the newest one works.
    const again = await createOrPromoteAdmin(db, { email: holder.email, name: "x", appUrl });
    expect(await resetPassword(tokenOf(made.link), "Granite-Harbour-Kestrel-33")).toBe("used");
    expect(await resetPassword(tokenOf(again.link), "Granite-Harbour-Kestrel-34")).toBe("ok");
    expect((await signIn(holder.email, "Granite-Harbour-Kestrel-34")).ok).toBe(true);
  });
});
