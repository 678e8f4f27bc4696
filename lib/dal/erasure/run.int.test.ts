import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, emailOutbox, privacyRequestEvents, privacyRequests, users } from "@/db/schema";
import { createAccount } from "@/db/testing/auth";
import { erasureRules } from "@/lib/catalog";
import { runDueErasures, runErasure } from "./run";
import {
  dueErasureRequest,
  giveEverything,
  rowsContaining,
  rowsReferencing,
  userForeignKeys,
} from "./testing";

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

async function receiptsTo(email: string) {
  const db = await getDb();
  return db
    .select({ userId: emailOutbox.userId, text: emailOutbox.textBody })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.kind, "erasure_receipt")));
}

describe("runErasure: completeness", () => {
  it("leaves no row naming the holder, and no personal data in what it keeps", async () => {
    const holder = await createAccount();
    const other = await createAccount();
    const ip = "203.0.113.77";
    await giveEverything(holder.id, { ip, printJobs: 3 });
    await giveEverything(other.id);
    const requestId = await dueErasureRequest(holder.id);

    // The fixture reaches every table that references users, and every table the rules cover.
    const before = await rowsReferencing(holder.id);
    const tablesWithRows = new Set(
      Object.entries(before)
        .filter(([, n]) => n > 0)
        .map(([k]) => k.split(".")[0]),
    );
    for (const fk of await userForeignKeys()) expect(tablesWithRows, fk.table).toContain(fk.table);
    for (const table of Object.keys(erasureRules)) {
      // pending_privacy_requests is never linked to an account (it expires within a day).
      if (!["users", "audit_log", "pending_privacy_requests"].includes(table))
        expect(tablesWithRows, table).toContain(table);
    }
    const otherBefore = await rowsReferencing(other.id);

    const outcome = await runErasure(requestId, { batchSize: 2 });
    expect(outcome.status).toBe("completed");
    if (outcome.status !== "completed") return;
    expect(outcome.rows.print_jobs).toBe(3);
    expect(outcome.rows.print_job_temperature_samples).toBe(6);
    expect(outcome.rows.users).toBe(1);
    expect(outcome.rows.audit_log).toBeGreaterThanOrEqual(1);

    // Zero rows reference the holder, through any foreign key.
    expect(total(await rowsReferencing(holder.id))).toBe(0);
    // Their id, address and IP survive nowhere (not even in what they wrote in a request, which
    // names their id), except the receipt on its way to them.
    expect(await rowsContaining(holder.id)).toEqual({});
    expect(await rowsContaining(holder.email)).toEqual({ email_outbox: 1 });
    expect(await rowsContaining(ip)).toEqual({});

    const db = await getDb();
    const [request] = await db
      .select()
      .from(privacyRequests)
      .where(eq(privacyRequests.id, requestId));
    expect(request).toMatchObject({ userId: null, requesterEmail: null, status: "completed" });
    const events = await db
      .select({ kind: privacyRequestEvents.kind, actorId: privacyRequestEvents.actorId })
      .from(privacyRequestEvents)
      .where(eq(privacyRequestEvents.requestId, requestId));
    expect(events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["received", "erasure_started", "erasure_completed"]),
    );
    expect(events.every((e) => e.actorId === null)).toBe(true);
    const erased = await db
      .select({ ip: auditLog.ip, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, "account.erase"), eq(auditLog.targetId, requestId)));
    expect(erased).toHaveLength(1);

    // The receipt: itemised, not tied to the (deleted) account row.
    const [receipt, ...more] = await receiptsTo(holder.email);
    expect(more).toHaveLength(0);
    expect(receipt?.userId).toBeNull();
    expect(receipt?.text).toContain("print_jobs: 3 rows");
    expect(receipt?.text).toContain("print_job_temperature_samples: 6 rows");
    expect(receipt?.text).toMatch(/privacy_requests: \d+ rows anonymised/);

    // The other holder's data is untouched.
    expect(await rowsReferencing(other.id)).toEqual(otherBefore);
  });
});

describe("runErasure: resumable and idempotent", () => {
  it("finishes after a crash midway, with the right counts, and does nothing the second time", async () => {
    const holder = await createAccount();
    await giveEverything(holder.id, { printJobs: 25, samplesPerJob: 3 });
    const requestId = await dueErasureRequest(holder.id);

    let batches = 0;
    await expect(
      runErasure(requestId, {
        batchSize: 10,
        afterBatch: () => {
          if (++batches === 4) throw new Error("crash");
        },
      }),
    ).rejects.toThrow("crash");
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.id, holder.id))).toHaveLength(1);
    expect(await receiptsTo(holder.email)).toHaveLength(0);

    const outcome = await runErasure(requestId, { batchSize: 10 });
    expect(outcome).toMatchObject({
      status: "completed",
      rows: { print_jobs: 25, print_job_temperature_samples: 75, print_job_materials: 25 },
    });
    expect(total(await rowsReferencing(holder.id))).toBe(0);

    expect(await runErasure(requestId)).toEqual({ status: "already_completed" });
    expect(await receiptsTo(holder.email)).toHaveLength(1);
    const [receipt] = await receiptsTo(holder.email);
    expect(receipt?.text).toContain("print_job_temperature_samples: 75 rows");
  });
});

describe("runErasure: what it refuses", () => {
  it("does not run a cancelled request, nor one whose grace period has not ended", async () => {
    const holder = await createAccount();
    await giveEverything(holder.id);
    const db = await getDb();
    const cancelled = await dueErasureRequest(holder.id);
    await db
      .update(privacyRequests)
      .set({ status: "cancelled" })
      .where(eq(privacyRequests.id, cancelled));
    expect(await runErasure(cancelled)).toEqual({ status: "not_open" });

    const later = await dueErasureRequest(holder.id);
    const past = new Date(Date.now() - 3_600_000);
    expect(await runErasure(later, { now: past })).toEqual({ status: "not_due" });
    expect(await runErasure(crypto.randomUUID())).toEqual({ status: "not_found" });
    expect(total(await rowsReferencing(holder.id))).toBeGreaterThan(10);
  });

  it("runDueErasures runs the due ones only", async () => {
    const due = await createAccount();
    const notYet = await createAccount();
    await giveEverything(due.id);
    await giveEverything(notYet.id);
    const dueId = await dueErasureRequest(due.id);
    const db = await getDb();
    const notYetId = await dueErasureRequest(notYet.id);
    await db
      .update(privacyRequests)
      .set({ scheduledFor: new Date(Date.now() + 86_400_000) })
      .where(eq(privacyRequests.id, notYetId));
    await runDueErasures(new Date());
    const [a] = await db.select().from(privacyRequests).where(eq(privacyRequests.id, dueId));
    const [b] = await db.select().from(privacyRequests).where(eq(privacyRequests.id, notYetId));
    expect(a?.status).toBe("completed");
    expect(b?.status).toBe("received");
    expect(await db.select().from(users).where(eq(users.id, notYet.id))).toHaveLength(1);
  });
});
