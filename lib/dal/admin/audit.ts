import "server-only";
import { getDb } from "@/db";
import {
  listAuditEvents,
  verifyAuditChain,
  type AuditChainResult,
  type AuditEventDTO,
  type AuditEventFilter,
} from "@/lib/dal/audit";
import type { Page } from "@/lib/dal/data/keyset";
import { requireRole } from "@/lib/dal/session";

/** Admin audit page: one page of the log, newest first, filtered. Admins only (404 otherwise). */
export async function listAuditLog(filter: AuditEventFilter): Promise<Page<AuditEventDTO>> {
  await requireRole("admin");
  return listAuditEvents(await getDb(), filter);
}

/** Walks the whole chain, compares it with the latest checkpoint and reports every broken row. Admins only. */
export async function verifyAuditLog(): Promise<AuditChainResult> {
  await requireRole("admin");
  return verifyAuditChain(await getDb());
}
