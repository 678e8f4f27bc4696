import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { curaConfigVersions, diagnostics } from "@/db/schema";
import { cursorKey, keyset } from "@/lib/dal/data/keyset";
import type { CuraVersionInput, DiagnosticInput, PageQuery } from "@/lib/validation/api-v1";
import { assertCursor, insertChunked, resolveSerials } from "./resolve";
import { runIngest, type IngestAnswer, type IngestContext } from "./run";
import type { ApiToken } from "./tokens";

/**
 * A new version of one of the holder's Cura profiles: the previous version + 1. Concurrent
 * saves of one profile queue on a transaction-scoped advisory lock keyed by holder and profile,
 * so each reads the number the one before it wrote (the unique index would otherwise refuse one).
 */
export async function addApiCuraVersion(
  ctx: IngestContext,
  profileName: string,
  input: CuraVersionInput,
): Promise<IngestAnswer> {
  return runIngest(ctx, { category: "cura-configuration", items: 1 }, async (tx, userId) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`cura:${userId}:${profileName}`}, 0))`,
    );
    const v = curaConfigVersions;
    const [row] = await tx
      .insert(v)
      .values({
        userId,
        profileName,
        version: sql`(select coalesce(max(${v.version}), 0) + 1 from ${v} where ${v.userId} = ${userId} and ${v.profileName} = ${profileName})`,
        curaVersion: input.curaVersion,
        machine: input.machine ?? null,
        settings: input.settings,
        note: input.note ?? null,
      })
      .returning({ id: v.id, version: v.version });
    return { status: 201, body: { id: row!.id, version: row!.version } };
  });
}

/** The latest version of each of the holder's profiles. */
export async function listApiCuraProfiles(token: ApiToken) {
  const db = await getDb();
  const v = curaConfigVersions;
  const rows = await db
    .selectDistinctOn([v.profileName], {
      id: v.id,
      profileName: v.profileName,
      version: v.version,
      curaVersion: v.curaVersion,
      machine: v.machine,
      createdAt: v.createdAt,
    })
    .from(v)
    .where(eq(v.userId, token.userId))
    .orderBy(v.profileName, desc(v.version))
    .limit(1000);
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

/**
 * Diagnostics bundles, all or nothing. An objection to diagnostics drops them (202), counted;
 * the size stored is the payload's as JSON.
 */
export async function addApiDiagnostics(
  ctx: IngestContext,
  bundles: DiagnosticInput[],
  batch: boolean,
): Promise<IngestAnswer> {
  return runIngest(
    ctx,
    { category: "diagnostics", items: bundles.length, objectable: true },
    async (tx, userId) => {
      const printerIds = await resolveSerials(
        tx,
        userId,
        bundles.flatMap((b, i) =>
          b.printerSerial
            ? [
                {
                  serial: b.printerSerial,
                  pointer: batch ? `/bundles/${i}/printerSerial` : "/printerSerial",
                },
              ]
            : [],
        ),
      );
      const ids = bundles.map(() => randomUUID());
      await insertChunked(
        bundles.map((b, i) => ({
          id: ids[i]!,
          userId,
          printerId: b.printerSerial ? printerIds.get(b.printerSerial)! : null,
          kind: b.kind,
          source: b.source,
          softwareVersion: b.softwareVersion ?? null,
          summary: b.summary,
          payload: b.payload,
          sizeBytes: Buffer.byteLength(JSON.stringify(b.payload)),
          ...(b.createdAt ? { createdAt: b.createdAt } : {}),
        })),
        (chunk) => tx.insert(diagnostics).values(chunk),
      );
      return { status: 201, body: batch ? { ids } : { id: ids[0] } };
    },
  );
}

export async function listApiDiagnostics(token: ApiToken, page: PageQuery) {
  assertCursor(page.cursor, "uuid");
  const db = await getDb();
  const d = diagnostics;
  const ks = keyset(
    d.createdAt,
    d.id,
    "uuid",
    { after: page.cursor, limit: page.limit },
    { fallback: 50, max: 200 },
  );
  const rows = await db
    .select({
      _k: cursorKey(d.createdAt),
      id: d.id,
      printerId: d.printerId,
      kind: d.kind,
      source: d.source,
      softwareVersion: d.softwareVersion,
      summary: d.summary,
      sizeBytes: d.sizeBytes,
      createdAt: d.createdAt,
    })
    .from(d)
    .where(and(eq(d.userId, token.userId), ks.where))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const result = ks.page(rows, ({ _k: _, ...r }) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
  }));
  return { items: result.items, nextCursor: result.next };
}
