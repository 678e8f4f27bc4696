import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { emailOutbox, privacyRequestEvents, privacyRequests, sessions } from "@/db/schema";
import { actAsSession, createAccount, signInAs } from "@/db/testing/auth";
import { requireWritable } from "@/lib/dal/session";
import { ErasureScheduledError } from "@/lib/errors";
import { ReauthRequiredError } from "@/lib/auth/errors";
import {
  cancelErasureWithToken,
  cancelMyErasure,
  getMyPendingErasure,
  scheduleMyErasure,
} from "./request";
import { runErasure } from "./run";

async function lastMail(userId: string, kind: string) {
  const db = await getDb();
  const [row] = await db
    .select({ text: emailOutbox.textBody, to: emailOutbox.toAddress })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.userId, userId), eq(emailOutbox.kind, kind)))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  return row;
}

const tokenIn = (text: string | undefined) => /keep-account\?token=([\w.-]+)/.exec(text ?? "")?.[1];

describe("delete my account: schedule, lock, keep", () => {
  it("schedules with a grace period, mails a keep link, locks the account, and keeps it", async () => {
    const holder = await createAccount();
    await signInAs(holder);
    const scheduled = await scheduleMyErasure();
    expect(scheduled.scheduledFor.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect((await getMyPendingErasure())?.id).toBe(scheduled.id);

    const db = await getDb();
    const events = await db
      .select({ kind: privacyRequestEvents.kind })
      .from(privacyRequestEvents)
      .where(eq(privacyRequestEvents.requestId, scheduled.id));
    expect(events.map((e) => e.kind)).toEqual(["received", "erasure_scheduled"]);
    const mail = await lastMail(holder.id, "erasure_scheduled");
    expect(mail?.to).toBe(holder.email);
    expect(tokenIn(mail?.text)).toBeTruthy();

    // Locked: everything but keeping the account and exporting is refused, naming the date.
    await expect(requireWritable("profile.update")).rejects.toBeInstanceOf(ErasureScheduledError);
    await expect(requireWritable()).rejects.toThrow(/will be deleted on .*Keep my account/);
    await expect(requireWritable("export.request")).resolves.toBeTruthy();
    await expect(scheduleMyErasure()).rejects.toBeInstanceOf(ErasureScheduledError);

    expect(await cancelMyErasure()).toBe("cancelled");
    const [row] = await db
      .select()
      .from(privacyRequests)
      .where(eq(privacyRequests.id, scheduled.id));
    expect(row?.status).toBe("cancelled");
    expect(await lastMail(holder.id, "erasure_cancelled")).toBeTruthy();
    await expect(requireWritable("profile.update")).resolves.toBeTruthy();
    expect(await cancelMyErasure()).toBe("not_pending");
    // The emailed link of a cancelled request does nothing more.
    expect(await cancelErasureWithToken(tokenIn(mail?.text)!)).toBe("not_pending");
  });

  it("needs a recent password", async () => {
    const holder = await createAccount();
    const sid = await signInAs(holder);
    const db = await getDb();
    await db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 3_600_000), reauthenticatedAt: null })
      .where(eq(sessions.id, sid));
    await expect(scheduleMyErasure()).rejects.toBeInstanceOf(ReauthRequiredError);
    expect(await getMyPendingErasure()).toBeNull();
  });

  it("the keep link works signed out, only for its own request, and not after the erasure", async () => {
    const holder = await createAccount();
    const other = await createAccount();
    await signInAs(other);
    const othersRequest = await scheduleMyErasure();
    await signInAs(holder);
    const mine = await scheduleMyErasure();
    const token = tokenIn((await lastMail(holder.id, "erasure_scheduled"))?.text)!;
    await actAsSession(null);

    // Tampered: another request id under the holder's signature is refused.
    const [body, sig] = token.split(".");
    const forged = JSON.parse(Buffer.from(body!, "base64url").toString());
    forged.r = othersRequest.id;
    const forgedToken = `${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${sig}`;
    expect(await cancelErasureWithToken(forgedToken)).toBe("invalid");
    expect(await cancelErasureWithToken("garbage")).toBe("invalid");

    expect(await cancelErasureWithToken(token)).toBe("cancelled");
    expect(await cancelErasureWithToken(token)).toBe("not_pending");

    // The other holder's request is still pending; erase it, then replay their link: nothing.
    const otherToken = tokenIn((await lastMail(other.id, "erasure_scheduled"))?.text)!;
    const db = await getDb();
    await db
      .update(privacyRequests)
      .set({ scheduledFor: new Date(Date.now() - 1000) })
      .where(eq(privacyRequests.id, othersRequest.id));
    expect((await runErasure(othersRequest.id)).status).toBe("completed");
    expect(await cancelErasureWithToken(otherToken)).toBe("not_pending");
    const [row] = await db
      .select({ status: privacyRequests.status })
      .from(privacyRequests)
      .where(eq(privacyRequests.id, othersRequest.id));
    expect(row?.status).toBe("completed");
    expect(mine.id).not.toBe(othersRequest.id);
  });
});
