import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { printerStatusEvents, printers, printGroups } from "@/db/schema";
import { requireSession } from "@/lib/dal/session";
import { cursorKey, keyset, type Page, type PageInput } from "./keyset";

export type PrinterStatus = (typeof printers.$inferSelect)["status"];

export type PrinterDTO = {
  id: string;
  name: string;
  model: string;
  serial: string;
  firmware: string;
  status: PrinterStatus;
  lastSeenAt: Date | null;
  createdAt: Date;
  groupName: string | null;
  groupKey: string | null;
};

const printerColumns = {
  id: printers.id,
  name: printers.name,
  model: printers.model,
  serial: printers.serial,
  firmware: printers.firmware,
  status: printers.status,
  lastSeenAt: printers.lastSeenAt,
  createdAt: printers.createdAt,
  groupName: printGroups.name,
  groupKey: printGroups.groupKey,
};

/** The user's printers with their group (a person has a handful, so no paging). */
export async function listMyPrinters(): Promise<PrinterDTO[]> {
  const { user } = await requireSession();
  const db = await getDb();
  return db
    .select(printerColumns)
    .from(printers)
    .leftJoin(printGroups, eq(printGroups.id, printers.groupId))
    .where(eq(printers.userId, user.id))
    .orderBy(asc(printGroups.name), asc(printers.name))
    .limit(500);
}

export async function getMyPrinter(id: string): Promise<PrinterDTO | null> {
  const { user } = await requireSession();
  const db = await getDb();
  const [row] = await db
    .select(printerColumns)
    .from(printers)
    .leftJoin(printGroups, eq(printGroups.id, printers.groupId))
    .where(and(eq(printers.id, id), eq(printers.userId, user.id)));
  return row ?? null;
}

export type StatusEventDTO = {
  id: number;
  occurredAt: Date;
  status: PrinterStatus;
  message: string | null;
};

/** One printer's status history, newest first, keyset on (occurred_at, id). */
export async function listMyPrinterStatus(
  printerId: string,
  input: PageInput,
): Promise<Page<StatusEventDTO>> {
  const { user } = await requireSession();
  const db = await getDb();
  const k = keyset(printerStatusEvents.occurredAt, printerStatusEvents.id, "bigint", input);
  const rows = await db
    .select({
      _k: cursorKey(printerStatusEvents.occurredAt),
      id: printerStatusEvents.id,
      occurredAt: printerStatusEvents.occurredAt,
      status: printerStatusEvents.status,
      message: printerStatusEvents.message,
    })
    .from(printerStatusEvents)
    .where(
      and(
        eq(printerStatusEvents.printerId, printerId),
        eq(printerStatusEvents.userId, user.id),
        k.where,
      ),
    )
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, ({ _k: _, ...r }) => r);
}

/** The latest status changes of one printer for the timeline chart, oldest first. */
export async function listMyPrinterTimeline(
  printerId: string,
  limit = 200,
): Promise<StatusEventDTO[]> {
  const { user } = await requireSession();
  const db = await getDb();
  const rows = await db
    .select({
      id: printerStatusEvents.id,
      occurredAt: printerStatusEvents.occurredAt,
      status: printerStatusEvents.status,
      message: printerStatusEvents.message,
    })
    .from(printerStatusEvents)
    .where(
      and(eq(printerStatusEvents.printerId, printerId), eq(printerStatusEvents.userId, user.id)),
    )
    .orderBy(
      sql`${printerStatusEvents.occurredAt} desc nulls last`,
      sql`${printerStatusEvents.id} desc nulls last`,
    )
    .limit(limit);
  return rows.reverse();
}
