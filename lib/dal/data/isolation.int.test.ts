import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import {
  accessTokens,
  auditLog,
  curaConfigVersions,
  diagnostics,
  printers,
  printJobs,
  sessions,
} from "@/db/schema";
import { ReadOnlyError } from "@/lib/auth/errors";
import { createAccount, signInAs } from "@/db/testing/auth";
import { createMyAccessToken, listMyAccessTokens, revokeMyAccessToken } from "./access-tokens";
import { deleteMyCuraVersion, getMyCuraVersion, listMyCuraProfiles } from "./cura";
import { deleteMyDiagnostic, getMyDiagnostic, listMyDiagnostics } from "./diagnostics";
import { getMyCategoryStats } from "./overview";
import { getMyPrinter, listMyPrinterStatus, listMyPrinters } from "./printers";
import {
  deleteMyPrintJob,
  getMyPrintJob,
  listMyJobTemperatures,
  listMyPrintJobs,
} from "./print-jobs";

/** One of everything for `userId`, written straight into the database. */
async function seedOwnData(userId: string) {
  const db = await getDb();
  const [printer] = await db
    .insert(printers)
    .values({ userId, name: "S5", model: "UltiMaker S5", serial: "S5-1", firmware: "8.3.0" })
    .returning({ id: printers.id });
  const [job] = await db
    .insert(printJobs)
    .values({
      userId,
      printerId: printer!.id,
      name: "bracket.ufp",
      status: "finished",
      createdAt: new Date(),
    })
    .returning({ id: printJobs.id });
  const [diag] = await db
    .insert(diagnostics)
    .values({
      userId,
      kind: "crash_report",
      source: "Cura 5.8",
      summary: "Crash",
      payload: {},
      sizeBytes: 10,
    })
    .returning({ id: diagnostics.id });
  const [cura] = await db
    .insert(curaConfigVersions)
    .values({
      userId,
      profileName: "PLA fine",
      version: 1,
      curaVersion: "5.8.0",
      settings: { layer_height: 0.1 },
    })
    .returning({ id: curaConfigVersions.id });
  return { printer: printer!.id, job: job!.id, diagnostic: diag!.id, cura: cura!.id };
}

describe("another user's ids", () => {
  it("read as nothing and delete nothing", async () => {
    const owner = await createAccount();
    const other = await createAccount();
    const ids = await seedOwnData(owner.id);
    await signInAs(owner);
    const token = await createMyAccessToken({
      name: "Printer",
      kind: "printer",
      scopes: ["printers:write"],
    });

    await signInAs(other);
    expect(await getMyPrintJob(ids.job)).toBeNull();
    expect(await listMyJobTemperatures(ids.job)).toEqual([]);
    expect(await getMyPrinter(ids.printer)).toBeNull();
    expect((await listMyPrinterStatus(ids.printer, {})).items).toEqual([]);
    expect(await getMyDiagnostic(ids.diagnostic)).toBeNull();
    expect(await getMyCuraVersion(ids.cura)).toBeNull();
    expect((await listMyPrintJobs({ printer: ids.printer }, {})).items).toEqual([]);
    expect(await listMyPrinters()).toEqual([]);
    expect(await listMyAccessTokens()).toEqual([]);
    expect((await listMyDiagnostics({})).items).toEqual([]);
    expect(await listMyCuraProfiles()).toEqual([]);

    expect(await deleteMyPrintJob(ids.job)).toBe(false);
    expect(await deleteMyDiagnostic(ids.diagnostic)).toBe(false);
    expect(await deleteMyCuraVersion(ids.cura)).toBe(false);
    expect(await revokeMyAccessToken(token.id)).toBe(false);

    const db = await getDb();
    expect(
      await db.select({ id: printJobs.id }).from(printJobs).where(eq(printJobs.id, ids.job)),
    ).toHaveLength(1);
    expect(
      await db
        .select({ id: diagnostics.id })
        .from(diagnostics)
        .where(eq(diagnostics.id, ids.diagnostic)),
    ).toHaveLength(1);
    expect(
      await db
        .select({ id: curaConfigVersions.id })
        .from(curaConfigVersions)
        .where(eq(curaConfigVersions.id, ids.cura)),
    ).toHaveLength(1);
    const [t] = await db
      .select({ revokedAt: accessTokens.revokedAt })
      .from(accessTokens)
      .where(eq(accessTokens.id, token.id));
    expect(t!.revokedAt).toBeNull();
  });
});

describe("deleting one's own items", () => {
  it("removes the item, audits it in the same transaction, and the counts drop", async () => {
    const owner = await createAccount();
    const ids = await seedOwnData(owner.id);
    await signInAs(owner);
    const before = await getMyCategoryStats(["print-jobs", "diagnostics", "cura-configuration"]);
    expect(before.map((s) => s.count.value)).toEqual([1, 1, 1]);
    expect(await deleteMyPrintJob(ids.job)).toBe(true);
    expect(await deleteMyDiagnostic(ids.diagnostic)).toBe(true);
    expect(await deleteMyCuraVersion(ids.cura)).toBe(true);
    expect(await deleteMyPrintJob(ids.job)).toBe(false);
    const after = await getMyCategoryStats(["print-jobs", "diagnostics", "cura-configuration"]);
    expect(after.map((s) => s.count.value)).toEqual([0, 0, 0]);
    const db = await getDb();
    const audits = await db
      .select({ targetType: auditLog.targetType, targetId: auditLog.targetId })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, owner.id), eq(auditLog.action, "item.delete")));
    expect(audits).toEqual(
      expect.arrayContaining([
        { targetType: "print_job", targetId: ids.job },
        { targetType: "diagnostic", targetId: ids.diagnostic },
        { targetType: "cura_config_version", targetId: ids.cura },
      ]),
    );
  });

  it("is refused in a read-only session", async () => {
    const owner = await createAccount();
    const ids = await seedOwnData(owner.id);
    const sid = await signInAs(owner);
    const db = await getDb();
    await db.update(sessions).set({ readOnly: true }).where(eq(sessions.id, sid));
    await expect(deleteMyPrintJob(ids.job)).rejects.toBeInstanceOf(ReadOnlyError);
    await expect(
      createMyAccessToken({ name: "x", kind: "cura", scopes: ["cura:write"] }),
    ).rejects.toBeInstanceOf(ReadOnlyError);
    expect(await getMyPrintJob(ids.job)).not.toBeNull();
  });
});

describe("access tokens", () => {
  it("stores only a hash and prefix; the secret is returned once; revoking audits", async () => {
    const owner = await createAccount();
    await signInAs(owner);
    const created = await createMyAccessToken({
      name: "Cura",
      kind: "cura",
      scopes: ["cura:write"],
    });
    expect(created.secret).toMatch(/^pct_[A-Za-z0-9_-]{40,}$/);
    const [listed] = await listMyAccessTokens();
    expect(listed).toMatchObject({
      id: created.id,
      prefix: created.secret.slice(0, 8),
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    const db = await getDb();
    const [row] = await db
      .select({ hash: accessTokens.tokenHash })
      .from(accessTokens)
      .where(eq(accessTokens.id, created.id));
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    const details = await db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.targetId, created.id));
    expect(JSON.stringify(details)).not.toContain(created.secret);
    expect(await revokeMyAccessToken(created.id)).toBe(true);
    expect(await revokeMyAccessToken(created.id)).toBe(false);
    expect((await listMyAccessTokens())[0]!.revokedAt).toBeInstanceOf(Date);
  });
});
