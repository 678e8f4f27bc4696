import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { diagnostics, printers } from "@/db/schema";
import { requireSession, requireWritable } from "@/lib/dal/session";
import { auditItemDelete } from "./items";
import { cursorKey, keyset, type Page, type PageInput } from "./keyset";

export type DiagnosticKind = (typeof diagnostics.$inferSelect)["kind"];

export type DiagnosticRowDTO = {
  id: string;
  kind: DiagnosticKind;
  source: string;
  summary: string;
  sizeBytes: number;
  createdAt: Date;
};

export async function listMyDiagnostics(input: PageInput): Promise<Page<DiagnosticRowDTO>> {
  const { user } = await requireSession();
  const db = await getDb();
  const k = keyset(diagnostics.createdAt, diagnostics.id, "uuid", input);
  const rows = await db
    .select({
      _k: cursorKey(diagnostics.createdAt),
      id: diagnostics.id,
      kind: diagnostics.kind,
      source: diagnostics.source,
      summary: diagnostics.summary,
      sizeBytes: diagnostics.sizeBytes,
      createdAt: diagnostics.createdAt,
    })
    .from(diagnostics)
    .where(and(eq(diagnostics.userId, user.id), k.where))
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, ({ _k: _, ...r }) => r);
}

export type DiagnosticDTO = DiagnosticRowDTO & {
  softwareVersion: string | null;
  printerName: string | null;
  payload: Record<string, unknown>;
};

export async function getMyDiagnostic(id: string): Promise<DiagnosticDTO | null> {
  const { user } = await requireSession();
  const db = await getDb();
  const [row] = await db
    .select({
      id: diagnostics.id,
      kind: diagnostics.kind,
      source: diagnostics.source,
      summary: diagnostics.summary,
      sizeBytes: diagnostics.sizeBytes,
      createdAt: diagnostics.createdAt,
      softwareVersion: diagnostics.softwareVersion,
      printerName: printers.name,
      payload: diagnostics.payload,
    })
    .from(diagnostics)
    .leftJoin(printers, eq(printers.id, diagnostics.printerId))
    .where(and(eq(diagnostics.id, id), eq(diagnostics.userId, user.id)));
  return row ?? null;
}

export async function deleteMyDiagnostic(id: string): Promise<boolean> {
  const session = await requireWritable();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(diagnostics)
      .where(and(eq(diagnostics.id, id), eq(diagnostics.userId, session.user.id)))
      .returning({ id: diagnostics.id, kind: diagnostics.kind, summary: diagnostics.summary });
    if (!gone) return false;
    await auditItemDelete(tx, session, "diagnostic", gone.id, {
      kind: gone.kind,
      summary: gone.summary,
    });
    return true;
  });
}
