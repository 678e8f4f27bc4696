// Test helpers for the erasure's integration tests and its benchmark (never imported by the app).
import { randomUUID } from "node:crypto";
import { getDb, getDbHandle } from "@/db";
import * as s from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { addRequestEvent, openRequest } from "@/lib/dal/requests/core";

/**
 * At least one row in every table that references users, for `userId`: the completeness test
 * checks this against the live foreign keys, so a new table without a line here fails it.
 */
export async function giveEverything(
  userId: string,
  opts: { printJobs?: number; samplesPerJob?: number; ip?: string } = {},
): Promise<void> {
  const db = await getDb();
  const ip = opts.ip ?? "203.0.113.9";
  const now = new Date();
  const [group] = await db
    .insert(s.printGroups)
    .values({ userId, groupKey: `g-${randomUUID()}`, name: "Workshop" })
    .returning({ id: s.printGroups.id });
  const [printer] = await db
    .insert(s.printers)
    .values({
      userId,
      groupId: group!.id,
      name: "S5",
      model: "UltiMaker S5",
      serial: `S5-${randomUUID().slice(0, 8)}`,
      firmware: "8.3.0",
    })
    .returning({ id: s.printers.id });
  await db
    .insert(s.printerStatusEvents)
    .values({ userId, printerId: printer!.id, occurredAt: now, status: "idle" });
  const [material] = await db
    .insert(s.materials)
    .values({ guid: randomUUID(), brand: "UltiMaker", name: "PLA", type: "PLA", color: "Black" })
    .returning({ id: s.materials.id });
  const jobs = await db
    .insert(s.printJobs)
    .values(
      Array.from({ length: opts.printJobs ?? 2 }, (_, i) => ({
        userId,
        printerId: printer!.id,
        name: `part-${i}.ufp`,
        status: "finished" as const,
        createdAt: new Date(now.getTime() - i * 60_000),
      })),
    )
    .returning({ id: s.printJobs.id });
  await db
    .insert(s.printJobMaterials)
    .values(jobs.map((j) => ({ printJobId: j.id, extruder: 0, userId, materialId: material!.id })));
  const samples = opts.samplesPerJob ?? 2;
  if (samples > 0)
    await db.insert(s.printJobTemperatureSamples).values(
      jobs.flatMap((j) =>
        Array.from({ length: samples }, (_, k) => ({
          userId,
          printJobId: j.id,
          sampledAt: new Date(now.getTime() + k * 1000),
          nozzleC: 210,
          bedC: 60,
        })),
      ),
    );
  const [session] = await db
    .insert(s.sessions)
    .values({ userId, expiresAt: new Date(now.getTime() + 3_600_000) })
    .returning({ id: s.sessions.id });
  await db
    .insert(s.loginEvents)
    .values({ userId, sessionId: session!.id, outcome: "success", reason: "password", ip });
  await db.insert(s.verificationTokens).values({
    userId,
    purpose: "verify_email",
    tokenHash: randomUUID(),
    expiresAt: new Date(now.getTime() + 3_600_000),
  });
  const [token] = await db
    .insert(s.accessTokens)
    .values({
      userId,
      name: "Cura",
      kind: "cura",
      scopes: ["cura:write"],
      prefix: randomUUID().slice(0, 8),
      tokenHash: randomUUID(),
    })
    .returning({ id: s.accessTokens.id });
  await db.insert(s.ingestRefusals).values({
    tokenId: token!.id,
    userId,
    category: "cura-configuration",
    reason: "restricted",
    items: 3,
    requests: 1,
  });
  await db
    .insert(s.ingestIdempotency)
    .values({ tokenId: token!.id, key: "k-1", requestHash: "h", status: 201, response: {} });
  await db.insert(s.ingestRateWindows).values({ tokenId: token!.id, windowStart: now, count: 1 });
  await db.insert(s.curaConfigVersions).values({
    userId,
    profileName: "PLA fine",
    version: 1,
    curaVersion: "5.8.0",
    settings: {},
  });
  await db.insert(s.diagnostics).values({
    userId,
    printerId: printer!.id,
    kind: "crash_report",
    source: "Cura 5.8",
    summary: "Crash",
    payload: {},
    sizeBytes: 10,
  });
  await db.insert(s.marketingPreferences).values({ userId });
  await db.insert(s.processingChoices).values({
    userId,
    kind: "restriction",
    scope: "diagnostics",
    startedBy: userId,
    liftedAt: now,
    liftedBy: userId,
  });
  await db.insert(s.autoDeleteChoices).values({ userId, category: "print-jobs", months: 18 });
  await db.insert(s.emailEngagementEvents).values({ userId, campaign: "spring", kind: "open" });
  await db.insert(s.consentEvents).values({
    userId,
    scope: "cookies",
    policyVersion: "2019-1",
    decisions: {},
    method: "reject_all",
    language: "en",
  });
  const [grant] = await db
    .insert(s.supportAccessGrants)
    .values({ userId, ticketRef: "SUP-1", expiresAt: new Date(now.getTime() + 3_600_000) })
    .returning({ id: s.supportAccessGrants.id });
  await db
    .insert(s.staffAccessEvents)
    .values({ userId, grantId: grant!.id, agentDisplayName: "Agent A", kind: "page_view" });
  await db.insert(s.thirdPartyDisclosures).values({
    userId,
    recipientKind: "reseller",
    recipientName: "Reseller B.V.",
    purpose: "Quotation",
    categories: ["profile"],
    legalBasis: "contract",
    disclosedAt: now,
  });
  await db.insert(s.emailOutbox).values({
    userId,
    kind: "notice",
    toAddress: "someone@example.test",
    subject: "Hello",
    textBody: "Hello",
  });
  await db.insert(s.exportHistory).values({ userId, format: "json", categories: ["profile"] });
  await db.transaction(async (tx) => {
    const req = await openRequest(tx, {
      kind: "access",
      userId,
      actorId: userId,
      requesterEmail: "holder@example.test",
      // Free text naming the holder (their id stands in for what a person writes about
      // themselves): erasure must not keep it.
      details: `Please include everything about account ${userId}.`,
    });
    await addRequestEvent(tx, {
      requestId: req.id,
      actorId: userId,
      kind: "message",
      note: `Also the printers of ${userId}.`,
    });
    await writeAudit(tx, {
      actorId: userId,
      actorRole: "user",
      subjectId: userId,
      action: "request.create",
      targetType: "privacy_request",
      targetId: req.id,
      ip,
      details: { via: "test" },
    });
  });
}

/** An erasure request for `userId` whose grace period ended a minute ago. */
export async function dueErasureRequest(userId: string): Promise<string> {
  const db = await getDb();
  const opened = await openRequest(db, {
    kind: "erasure",
    userId,
    actorId: userId,
    scheduledFor: new Date(Date.now() - 60_000),
  });
  return opened.id;
}

/** Every foreign key that points at users.id: (table, column). */
export async function userForeignKeys(): Promise<{ table: string; column: string }[]> {
  const handle = await getDbHandle();
  return handle.query<{ table: string; column: string }>(
    `select c.conrelid::regclass::text as table, a.attname as column
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.confrelid = 'users'::regclass
      order by 1, 2`,
  );
}

/** Rows naming `userId`, per "table.column" of every foreign key to users. */
export async function rowsReferencing(userId: string): Promise<Record<string, number>> {
  const handle = await getDbHandle();
  const out: Record<string, number> = {};
  for (const fk of await userForeignKeys()) {
    const [row] = await handle.query<{ n: number | string }>(
      `select count(*) as n from "${fk.table}" where "${fk.column}" = $1`,
      [userId],
    );
    out[`${fk.table}.${fk.column}`] = Number(row?.n ?? 0);
  }
  // Tables keyed by one of the holder's access tokens rather than by the holder (the
  // ingestion API's idempotency answers and rate windows) name them through the token.
  const viaTokens = await handle.query<{ table: string; column: string }>(
    `select c.conrelid::regclass::text as table, a.attname as column
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.confrelid = 'access_tokens'::regclass
      order by 1, 2`,
  );
  for (const fk of viaTokens) {
    const [row] = await handle.query<{ n: number | string }>(
      `select count(*) as n from "${fk.table}"
        where "${fk.column}" in (select id from access_tokens where user_id = $1)`,
      [userId],
    );
    out[`${fk.table}.${fk.column}`] = Number(row?.n ?? 0);
  }
  return out;
}

/** Rows in any text-like column of any table whose text contains `needle`, per table. */
export async function rowsContaining(needle: string): Promise<Record<string, number>> {
  const handle = await getDbHandle();
  const columns = await handle.query<{ table: string; column: string }>(
    `select table_name as table, column_name as column from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'jsonb', 'ARRAY', 'character varying', 'inet', 'uuid')`,
  );
  const out: Record<string, number> = {};
  for (const c of columns) {
    const [row] = await handle.query<{ n: number | string }>(
      `select count(*) as n from "${c.table}" where "${c.column}"::text like $1`,
      [`%${needle}%`],
    );
    const n = Number(row?.n ?? 0);
    if (n > 0) out[c.table] = (out[c.table] ?? 0) + n;
  }
  return out;
}
