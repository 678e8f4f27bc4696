import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { printerStatusEvents, printers, printGroups } from "@/db/schema";
import { ApiProblem } from "@/lib/api/v1/problem";
import { writeAudit } from "@/lib/dal/audit";
import type { PrinterPutInput, StatusBatchInput, StatusEventInput } from "@/lib/validation/api-v1";
import { insertChunked, resolveSerials } from "./resolve";
import { runIngest, type IngestAnswer, type IngestContext } from "./run";
import type { ApiToken } from "./tokens";

export type ApiPrinterDTO = {
  id: string;
  serial: string;
  name: string;
  model: string;
  firmware: string;
  status: (typeof printers.$inferSelect)["status"];
  lastSeenAt: Date | null;
};

const printerColumns = {
  id: printers.id,
  serial: printers.serial,
  name: printers.name,
  model: printers.model,
  firmware: printers.firmware,
  status: printers.status,
  lastSeenAt: printers.lastSeenAt,
};

/**
 * Registers the holder's printer with this serial, or updates it: 201 when new, 200 when it
 * existed. A new printer is audited once (a token's routine writes are not: too many).
 */
export async function putApiPrinter(
  ctx: IngestContext,
  serial: string,
  input: PrinterPutInput,
): Promise<IngestAnswer> {
  return runIngest(ctx, { category: "printers", items: 1 }, async (tx, userId) => {
    let groupId: string | null = null;
    if (input.groupKey) {
      const [group] = await tx
        .insert(printGroups)
        .values({ userId, groupKey: input.groupKey, name: input.groupName ?? input.groupKey })
        .onConflictDoUpdate({
          target: [printGroups.userId, printGroups.groupKey],
          set: input.groupName ? { name: input.groupName } : { groupKey: input.groupKey },
        })
        .returning({ id: printGroups.id });
      groupId = group!.id;
    }
    const [row] = await tx
      .insert(printers)
      .values({
        userId,
        serial,
        name: input.name,
        model: input.model,
        firmware: input.firmware,
        groupId,
      })
      .onConflictDoUpdate({
        target: [printers.userId, printers.serial],
        set: {
          name: input.name,
          model: input.model,
          firmware: input.firmware,
          ...(input.groupKey ? { groupId } : {}),
        },
      })
      .returning({ ...printerColumns, inserted: sql<boolean>`(xmax = 0)` });
    const { inserted, ...printer } = row!;
    if (inserted) {
      await writeAudit(tx, {
        actorId: userId,
        actorRole: "user",
        subjectId: userId,
        action: "printer.register",
        targetType: "printer",
        targetId: printer.id,
        details: { via: "api", tokenId: ctx.token.id, model: input.model },
      });
    }
    return { status: inserted ? 201 : 200, body: printerJson(printer) };
  });
}

export function printerJson(p: ApiPrinterDTO) {
  return { ...p, lastSeenAt: p.lastSeenAt?.toISOString() ?? null };
}

type Event = StatusEventInput & { serial: string };

/** Status events for the holder's printers: stored, and each printer's status moved forward. */
export async function addApiStatusEvents(
  ctx: IngestContext,
  events: Event[],
  pointerBase: string | null,
): Promise<IngestAnswer> {
  return runIngest(ctx, { category: "printers", items: events.length }, async (tx, userId) => {
    const ids = await resolveSerials(
      tx,
      userId,
      events.map((e, i) => ({
        serial: e.serial,
        pointer: pointerBase === null ? "" : `${pointerBase}/${i}/serial`,
      })),
    );
    const rows = events.map((e) => ({
      userId,
      printerId: ids.get(e.serial)!,
      occurredAt: e.occurredAt,
      status: e.status,
      message: e.message ?? null,
    }));
    await insertChunked(rows, (chunk) => tx.insert(printerStatusEvents).values(chunk));
    // The newest event per printer becomes its status, unless the printer has seen newer.
    const newest = new Map<string, (typeof rows)[number]>();
    for (const r of rows) {
      const seen = newest.get(r.printerId);
      if (!seen || r.occurredAt > seen.occurredAt) newest.set(r.printerId, r);
    }
    const values = sql.join(
      [...newest.values()].map(
        (r) =>
          sql`(${r.printerId}::uuid, ${r.status}::printer_status, ${r.occurredAt.toISOString()}::timestamptz)`,
      ),
      sql`, `,
    );
    await tx.execute(sql`
      update ${printers} set status = v.status, last_seen_at = v.at
      from (values ${values}) as v(id, status, at)
      where ${printers.id} = v.id and ${printers.userId} = ${userId}
        and (${printers.lastSeenAt} is null or ${printers.lastSeenAt} < v.at)`);
    return { status: 201, body: { stored: rows.length } };
  });
}

/** One event for one printer (404 when the holder has no printer with that serial). */
export async function addApiStatusEvent(
  ctx: IngestContext,
  serial: string,
  event: StatusEventInput,
): Promise<IngestAnswer> {
  try {
    return await addApiStatusEvents(ctx, [{ ...event, serial }], null);
  } catch (error) {
    if (error instanceof ApiProblem && error.problem === "not-found") {
      throw new ApiProblem("not-found", `No printer with serial "${serial}".`);
    }
    throw error;
  }
}

export async function addApiStatusBatch(ctx: IngestContext, input: StatusBatchInput) {
  return addApiStatusEvents(ctx, input.events, "/events");
}

/** The holder's printers, newest first (a holder has a handful; capped at 500). */
export async function listApiPrinters(token: ApiToken) {
  const db = await getDb();
  const rows = await db
    .select(printerColumns)
    .from(printers)
    .where(eq(printers.userId, token.userId))
    .orderBy(desc(printers.createdAt), desc(printers.id))
    .limit(500);
  return { items: rows.map(printerJson) };
}

/** Whether the holder has a printer with this serial (tests and handlers). */
export async function findApiPrinterId(token: ApiToken, serial: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: printers.id })
    .from(printers)
    .where(and(eq(printers.userId, token.userId), eq(printers.serial, serial)));
  return row?.id ?? null;
}
