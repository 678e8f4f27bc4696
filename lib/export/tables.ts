import { categories, type CategoryId } from "@/lib/catalog";
import type { ExportTable } from "@/lib/catalog/table";

export type { ColumnType, ExportColumn, ExportTable } from "@/lib/catalog/table";

/**
 * What an export holds for each catalog category, derived from the catalog's tables (see
 * catalogTable in lib/catalog/table.ts): their listed columns, with types and nullability from
 * the drizzle schema. Secrets (password and token hashes, mail bodies with links) and other
 * people's ids (staff) are not listed; every catalog field is (manifest.test.ts).
 */
export const exportTables = Object.fromEntries(
  categories.map((c) => [c.id, c.tables.map((t) => t.export)]),
) as Record<CategoryId, ExportTable[]>;

/** Words for columns the catalog does not describe (ids that tie the files together). */
export const extraColumnDocs: Record<string, string> = {
  id: "A stable identifier for this record",
  user_id: "Your account's identifier",
  printer_id: "The printer (see printers)",
  group_id: "The print group (see print_groups)",
  print_job_id: "The print job (see print_jobs)",
  request_id: "The request (see privacy_requests)",
  session_id: "The session it started (see sessions)",
  email_verified_at: "When you confirmed your address",
  updated_at: "When it last changed",
  expires_at: "When it expires",
  revoked_reason: "Why it was ended",
  read_only: "Whether it was a read-only support session",
  material_brand: "The material's brand",
  material_name: "The material's name",
  material_type: "The kind of material",
  material_color: "Its colour",
  nozzle_target_c: "The nozzle temperature it aimed for (°C)",
  bed_target_c: "The build plate temperature it aimed for (°C)",
  machine: "The printer the profile is for",
  note: "Your note",
  language: "Language of the choice",
  ticket_ref: "Support ticket",
  confirmed_at: "When you confirmed the newsletter",
  details: "What you wrote",
  extended_at: "When the deadline was extended",
  extension_reason: "Why it was extended",
  scheduled_for: "When an erasure takes effect",
  reference: "Reference",
  size_bytes: "Size in bytes",
  ip: "IP address",
  user_agent: "Browser or program",
  status: "Status",
};
