import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, printJobs, printJobTemperatureSamples, sessions } from "@/db/schema";
import { createAccount, signInAs } from "@/db/testing/auth";
import { ReadOnlyError } from "@/lib/auth/errors";
import { deleteDataSchema } from "@/lib/validation/delete-data";
import { countMyDeletable, deleteMyData } from "./delete-data";
import { giveEverything } from "./testing";

const parse = (v: unknown) => deleteDataSchema.parse(v);

async function jobsOf(userId: string) {
  const db = await getDb();
  return db.select({ id: printJobs.id }).from(printJobs).where(eq(printJobs.userId, userId));
}

describe("delete data by category and date range", () => {
  it(
    "counts, then deletes in range only, with children, audited; others untouched",
    { timeout: 180_000 },
    async () => {
      const holder = await createAccount();
      const other = await createAccount();
      await giveEverything(holder.id, { printJobs: 5, samplesPerJob: 2 });
      await giveEverything(other.id, { printJobs: 5 });
      const db = await getDb();
      // Spread the holder's jobs over five days: 2026-01-01 … 2026-01-05.
      const jobs = await jobsOf(holder.id);
      for (const [i, j] of jobs.entries())
        await db
          .update(printJobs)
          .set({ createdAt: new Date(Date.UTC(2026, 0, 1 + i, 12)) })
          .where(eq(printJobs.id, j.id));
      await signInAs(holder);

      const range = parse({ category: "print-jobs", from: "2026-01-02", to: "2026-01-04" });
      expect(await countMyDeletable(range)).toBe(3);
      expect(await deleteMyData(range)).toBe(3);
      expect(await jobsOf(holder.id)).toHaveLength(2);
      const samples = await db
        .select({ id: printJobTemperatureSamples.id })
        .from(printJobTemperatureSamples)
        .where(eq(printJobTemperatureSamples.userId, holder.id));
      expect(samples).toHaveLength(4);
      const audits = await db
        .select({ details: auditLog.details })
        .from(auditLog)
        .where(and(eq(auditLog.action, "data.delete_range"), eq(auditLog.subjectId, holder.id)));
      expect(audits).toHaveLength(1);

      expect(await deleteMyData(parse({ category: "print-jobs", from: "", to: "" }))).toBe(2);
      expect(await jobsOf(holder.id)).toHaveLength(0);
      expect(await jobsOf(other.id)).toHaveLength(5);
    },
  );

  it("refuses categories the catalog does not let holders delete, bad input and read-only sessions", async () => {
    const holder = await createAccount();
    await giveEverything(holder.id);
    const sid = await signInAs(holder);
    await expect(countMyDeletable(parse({ category: "profile" }))).rejects.toThrow(
      /cannot be deleted/,
    );
    await expect(deleteMyData(parse({ category: "privacy-requests" }))).rejects.toThrow(
      /cannot be deleted/,
    );
    expect(deleteDataSchema.safeParse({ category: "print-jobs", from: "2026-02-30" }).success).toBe(
      false,
    );
    expect(
      deleteDataSchema.safeParse({ category: "print-jobs", from: "2026-02-02", to: "2026-02-01" })
        .success,
    ).toBe(false);
    expect(deleteDataSchema.safeParse({ category: "users" }).success).toBe(false);
    const db = await getDb();
    await db.update(sessions).set({ readOnly: true }).where(eq(sessions.id, sid));
    await expect(deleteMyData(parse({ category: "print-jobs" }))).rejects.toBeInstanceOf(
      ReadOnlyError,
    );
    expect(await jobsOf(holder.id)).toHaveLength(2);
  });
});
