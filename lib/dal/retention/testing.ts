// Test helpers for the retention purge's integration tests (never imported by the app).
import { randomUUID } from "node:crypto";
import { getDb, getDbHandle } from "@/db";
import * as s from "@/db/schema";

const DAY = 86_400_000;

/** Rows that must go (`gone`) and stay (`kept`), as "table:key" where key is the row's id. */
export type Expect = { gone: string[]; kept: string[] };

/** Days before `now`. */
export const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

let materialId: string | undefined;
async function material(): Promise<string> {
  if (materialId) return materialId;
  const db = await getDb();
  const [m] = await db
    .insert(s.materials)
    .values({ guid: randomUUID(), brand: "UltiMaker", name: "PLA", type: "PLA", color: "Red" })
    .returning({ id: s.materials.id });
  materialId = m!.id;
  return materialId;
}

/**
 * For one holder, in every table the purge touches: a row a day past its period (`gone`) and a
 * row a day inside it (`kept`), measured from `now`, plus rows that never go (open requests,
 * unrevoked tokens, the holder's own consent records, the newest Cura version, printers).
 */
export async function seedAged(userId: string, now: Date): Promise<Expect> {
  const db = await getDb();
  const e: Expect = { gone: [], kept: [] };
  const put = (ok: boolean, key: string) => (ok ? e.kept : e.gone).push(key);

  for (const [days, keep] of [
    [396, false],
    [394, true],
  ] as const) {
    const [ev] = await db
      .insert(s.loginEvents)
      .values({ userId, occurredAt: ago(now, days), outcome: "success", reason: "password" })
      .returning({ id: s.loginEvents.id });
    put(keep, `login_events:${ev!.id}`);
    const [se] = await db
      .insert(s.sessions)
      .values({ userId, createdAt: ago(now, days + 30), expiresAt: ago(now, days) })
      .returning({ id: s.sessions.id });
    put(keep, `sessions:${se!.id}`);
  }

  for (const [days, keep] of [
    [91, false],
    [89, true],
    [null, true],
  ] as const) {
    const [t] = await db
      .insert(s.accessTokens)
      .values({
        userId,
        name: "Printer",
        kind: "printer",
        scopes: ["printer:write"],
        prefix: randomUUID().slice(0, 8),
        tokenHash: randomUUID(),
        revokedAt: days === null ? null : ago(now, days),
      })
      .returning({ id: s.accessTokens.id });
    put(keep, `access_tokens:${t!.id}`);
    await db.insert(s.ingestRefusals).values({
      tokenId: t!.id,
      userId,
      category: "print-jobs",
      reason: "restricted",
      items: 1,
      requests: 1,
    });
    put(keep, `ingest_refusals:${t!.id}`);
  }

  const [printer] = await db
    .insert(s.printers)
    .values({
      userId,
      name: "S7",
      model: "UltiMaker S7",
      serial: `S7-${randomUUID().slice(0, 8)}`,
      firmware: "10.1",
      createdAt: ago(now, 2000),
    })
    .returning({ id: s.printers.id });
  put(true, `printers:${printer!.id}`);
  for (const [days, keep] of [
    [731, false],
    [729, true],
  ] as const) {
    const [ev] = await db
      .insert(s.printerStatusEvents)
      .values({ userId, printerId: printer!.id, occurredAt: ago(now, days), status: "idle" })
      .returning({ id: s.printerStatusEvents.id });
    put(keep, `printer_status_events:${ev!.id}`);
  }

  for (const [days, keep] of [
    [1096, false],
    [1094, true],
  ] as const) {
    const [job] = await db
      .insert(s.printJobs)
      .values({
        userId,
        printerId: printer!.id,
        name: `${days}.ufp`,
        status: "finished",
        createdAt: ago(now, days),
      })
      .returning({ id: s.printJobs.id });
    put(keep, `print_jobs:${job!.id}`);
    await db
      .insert(s.printJobMaterials)
      .values({ printJobId: job!.id, extruder: 0, userId, materialId: await material() });
    put(keep, `print_job_materials:${job!.id}`);
    const samples = await db
      .insert(s.printJobTemperatureSamples)
      .values(
        [0, 1].map((k) => ({
          userId,
          printJobId: job!.id,
          sampledAt: new Date(ago(now, days).getTime() + k * 1000),
          nozzleC: 210,
          bedC: 60,
        })),
      )
      .returning({ id: s.printJobTemperatureSamples.id });
    for (const x of samples) put(keep, `print_job_temperature_samples:${x.id}`);
  }

  // Cura: kept with the account unless the holder chose auto-delete.
  const versions = await db
    .insert(s.curaConfigVersions)
    .values(
      [1, 2].map((version) => ({
        userId,
        profileName: "PLA fine",
        version,
        curaVersion: "5.8.0",
        settings: {},
        createdAt: ago(now, 3000 - version),
      })),
    )
    .returning({ id: s.curaConfigVersions.id });
  for (const v of versions) put(true, `cura_config_versions:${v.id}`);

  for (const [days, keep] of [
    [549, false],
    [547, true],
  ] as const) {
    const [d] = await db
      .insert(s.diagnostics)
      .values({
        userId,
        kind: "telemetry",
        source: "Cura",
        summary: "Telemetry",
        payload: {},
        sizeBytes: 1,
        createdAt: ago(now, days),
      })
      .returning({ id: s.diagnostics.id });
    put(keep, `diagnostics:${d!.id}`);
  }

  for (const [days, keep] of [
    [731, false],
    [729, true],
  ] as const) {
    const [m] = await db
      .insert(s.emailEngagementEvents)
      .values({ userId, campaign: "spring", kind: "open", occurredAt: ago(now, days) })
      .returning({ id: s.emailEngagementEvents.id });
    put(keep, `email_engagement_events:${m!.id}`);
    const [g] = await db
      .insert(s.supportAccessGrants)
      .values({
        userId,
        ticketRef: "SUP-9",
        createdAt: ago(now, days + 1),
        expiresAt: ago(now, days),
      })
      .returning({ id: s.supportAccessGrants.id });
    put(keep, `support_access_grants:${g!.id}`);
    const [st] = await db
      .insert(s.staffAccessEvents)
      .values({ userId, agentDisplayName: "Agent", kind: "page_view", occurredAt: ago(now, days) })
      .returning({ id: s.staffAccessEvents.id });
    put(keep, `staff_access_events:${st!.id}`);
  }

  const consent = (user: string | null, days: number) =>
    db
      .insert(s.consentEvents)
      .values({
        userId: user,
        deviceId: randomUUID(),
        scope: "cookies",
        policyVersion: "2019-1",
        decisions: {},
        method: "reject_all",
        language: "en",
        occurredAt: ago(now, days),
      })
      .returning({ id: s.consentEvents.id });
  put(false, `consent_events:${(await consent(null, 1826))[0]!.id}`);
  put(true, `consent_events:${(await consent(null, 1824))[0]!.id}`);
  put(true, `consent_events:${(await consent(userId, 4000))[0]!.id}`); // the holder's own

  for (const [days, keep] of [
    [1826, false],
    [1824, true],
    [null, true],
  ] as const) {
    const [r] = await db
      .insert(s.privacyRequests)
      .values({
        reference: `PR-${randomUUID().slice(0, 8)}`,
        userId,
        kind: "access",
        status: days === null ? "received" : "completed",
        createdAt: ago(now, 4000),
        dueAt: ago(now, 3970),
        closedAt: days === null ? null : ago(now, days),
      })
      .returning({ id: s.privacyRequests.id });
    put(keep, `privacy_requests:${r!.id}`);
    await db
      .insert(s.privacyRequestEvents)
      .values({ requestId: r!.id, kind: "received", occurredAt: ago(now, 4000) });
    put(keep, `privacy_request_events:${r!.id}`);
    const [d] = await db
      .insert(s.thirdPartyDisclosures)
      .values({
        userId,
        recipientKind: "reseller",
        recipientName: "Reseller B.V.",
        purpose: "Quotation",
        categories: ["profile"],
        legalBasis: "contract",
        disclosedAt: ago(now, days ?? 10),
      })
      .returning({ id: s.thirdPartyDisclosures.id });
    put(keep, `third_party_disclosures:${d!.id}`);
  }

  for (const [days, keep] of [
    [8, false],
    [6, true],
  ] as const) {
    const [v] = await db
      .insert(s.verificationTokens)
      .values({
        userId,
        purpose: "verify_email",
        tokenHash: randomUUID(),
        createdAt: ago(now, days + 1),
        expiresAt: ago(now, days),
      })
      .returning({ id: s.verificationTokens.id });
    put(keep, `verification_tokens:${v!.id}`);
  }
  return e;
}

/** How a "table:key" names its row: most by id, children by their parent's id. */
const keyColumn: Record<string, string> = {
  print_job_materials: "print_job_id",
  ingest_refusals: "token_id",
  privacy_request_events: "request_id",
};

/** The keys of `keys` that still exist. */
export async function existing(keys: string[]): Promise<string[]> {
  const handle = await getDbHandle();
  const out: string[] = [];
  for (const key of keys) {
    const [table, id] = key.split(":") as [string, string];
    const rows = await handle.query<{ n: number | string }>(
      `select count(*) as n from "${table}" where "${keyColumn[table] ?? "id"}"::text = $1`,
      [id],
    );
    if (Number(rows[0]?.n ?? 0) > 0) out.push(key);
  }
  return out;
}

/** Rows deleted directly per table, as the purge reports them (cascaded children not counted). */
export function directCounts(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of keys) {
    const table = key.split(":")[0]!;
    if (table === "ingest_refusals" || table === "privacy_request_events") continue;
    out[table] = (out[table] ?? 0) + 1;
  }
  return out;
}
