import "server-only";
import { env } from "@/lib/env";

// Exports this instance is streaming now. Per instance on purpose: the cap protects this
// process's memory, sockets and pool; the per-user limits live in the database.
const state = globalThis as { __pcExportSlots?: number };

/** Takes a slot, or returns false when the instance is at EXPORT_MAX_CONCURRENT. */
export function takeExportSlot(): boolean {
  const used = state.__pcExportSlots ?? 0;
  if (used >= env.EXPORT_MAX_CONCURRENT) return false;
  state.__pcExportSlots = used + 1;
  return true;
}

export function releaseExportSlot(): void {
  state.__pcExportSlots = Math.max(0, (state.__pcExportSlots ?? 1) - 1);
}

/** Seconds a client refused for lack of a slot should wait before trying again. */
export const EXPORT_BUSY_RETRY_SECONDS = 15;
