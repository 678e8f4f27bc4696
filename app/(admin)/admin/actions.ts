"use server";
import { ok, type ActionResult } from "@/lib/actions";
import { requireRole } from "@/lib/dal/session";
import { verifyAuditLog } from "@/lib/dal/admin/audit";
import type { AuditChainResult } from "@/lib/dal/audit";

/** Admins only: walks the whole audit chain and reports every broken row, and why. */
export async function verifyAuditChainAction(): Promise<ActionResult<AuditChainResult>> {
  await requireRole("admin");
  return ok(await verifyAuditLog());
}
