import type { CategoryId } from "@/lib/catalog";

/** How a column is written: decides its SQL rendering, its CSV text and its JSON Schema type. */
export type ColumnType =
  "uuid" | "text" | "int" | "number" | "bool" | "time" | "json" | "text[]" | "inet";

export type ExportColumn = {
  name: string;
  type: ColumnType;
  nullable: boolean;
  /** SQL for the value; default `t.<name>`. */
  expr: string;
};

export type ExportTable = {
  /** SQL table name; also the CSV file's name and the JSON member's key. */
  table: string;
  /** FROM clause; the table itself is aliased `t`. */
  from: string;
  /** SQL that must equal the subject's id. */
  owner: string;
  /** For time-series categories: the time a date range filters on. */
  time?: string;
  /** ORDER BY: newest first where the indexes allow, always ending on a unique key. */
  order: string;
  columns: ExportColumn[];
};

/** "name:type" with a trailing "!" for NOT NULL; `expr` overrides `t.<name>`. */
function cols(spec: string, exprs: Record<string, string> = {}): ExportColumn[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((item) => {
      const [name = "", rawType = ""] = item.split(":");
      const nullable = !rawType.endsWith("!");
      const type = rawType.replace("!", "") as ColumnType;
      return { name, type, nullable, expr: exprs[name] ?? `t.${name}` };
    });
}

const own = (table: string, spec: string, extra: Partial<ExportTable> = {}): ExportTable => ({
  table,
  from: `${table} t`,
  owner: "t.user_id",
  order: "t.created_at desc, t.id desc",
  columns: cols(spec),
  ...extra,
});

/**
 * What an export holds for each catalog category. Secrets (password and token hashes, mail
 * bodies with links) and other people's ids (staff) stay out; every catalog field is here.
 */
export const exportTables: Record<CategoryId, ExportTable[]> = {
  profile: [
    own(
      "users",
      "id:uuid! email:text! name:text! company:text country:text phone:text language:text! role:text! email_verified_at:time created_at:time! updated_at:time!",
      { owner: "t.id" },
    ),
    own(
      "verification_tokens",
      "id:uuid! purpose:text! new_email:text created_at:time! expires_at:time! used_at:time",
    ),
    own(
      "email_outbox",
      "id:uuid! kind:text! to_address:text! subject:text! status:text! created_at:time! sent_at:time",
    ),
  ],
  "login-activity": [
    own(
      "login_events",
      "id:int! occurred_at:time! ip:inet user_agent:text outcome:text! reason:text! session_id:uuid",
      {
        time: "t.occurred_at",
        order: "t.occurred_at desc, t.id desc",
      },
    ),
    own(
      "sessions",
      "id:uuid! created_at:time! last_seen_at:time! expires_at:time! revoked_at:time revoked_reason:text ip:inet device:text user_agent:text read_only:bool!",
      { time: "t.created_at" },
    ),
  ],
  "access-tokens": [
    own(
      "access_tokens",
      "id:uuid! name:text! kind:text! scopes:text[]! prefix:text! created_at:time! last_used_at:time last_used_ip:inet expires_at:time revoked_at:time",
    ),
  ],
  printers: [
    own("print_groups", "id:uuid! group_key:text! name:text! created_at:time!"),
    own(
      "printers",
      "id:uuid! group_id:uuid name:text! model:text! serial:text! firmware:text! status:text! last_seen_at:time created_at:time!",
    ),
    own(
      "printer_status_events",
      "id:int! printer_id:uuid! occurred_at:time! status:text! message:text",
      {
        time: "t.occurred_at",
        order: "t.occurred_at desc, t.id desc",
      },
    ),
  ],
  "print-jobs": [
    own(
      "print_jobs",
      "id:uuid! printer_id:uuid name:text! status:text! created_at:time! started_at:time finished_at:time nozzle_temp_c:number bed_temp_c:number layer_height_mm:number infill_percent:int metadata:json",
      { time: "t.created_at" },
    ),
    {
      table: "print_job_materials",
      from: "print_job_materials t join print_jobs j on j.id = t.print_job_id join materials m on m.id = t.material_id",
      owner: "t.user_id",
      time: "j.created_at",
      order: "j.created_at desc, t.print_job_id desc, t.extruder",
      columns: cols(
        "print_job_id:uuid! extruder:int! material_id:uuid! material_brand:text! material_name:text! material_type:text! material_color:text! amount_grams:number",
        {
          material_brand: "m.brand",
          material_name: "m.name",
          material_type: "m.type",
          material_color: "m.color",
        },
      ),
    },
    {
      table: "print_job_temperature_samples",
      from: "print_job_temperature_samples t join print_jobs j on j.id = t.print_job_id",
      owner: "t.user_id",
      time: "j.created_at",
      order: "t.print_job_id, t.sampled_at, t.id",
      columns: cols(
        "id:int! print_job_id:uuid! sampled_at:time! nozzle_c:number! nozzle_target_c:number bed_c:number! bed_target_c:number",
      ),
    },
  ],
  "cura-configuration": [
    own(
      "cura_config_versions",
      "id:uuid! profile_name:text! version:int! cura_version:text! machine:text settings:json! note:text created_at:time!",
    ),
  ],
  diagnostics: [
    own(
      "diagnostics",
      "id:uuid! printer_id:uuid kind:text! source:text! software_version:text summary:text! payload:json! size_bytes:int! created_at:time!",
      {
        time: "t.created_at",
      },
    ),
  ],
  marketing: [
    own(
      "marketing_preferences",
      "newsletter:text! topics:text[]! open_tracking:bool! click_tracking:bool! profiling:bool! confirmed_at:time updated_at:time!",
      {
        order: "t.user_id",
      },
    ),
    own(
      "email_engagement_events",
      "id:int! campaign:text! kind:text! url:text occurred_at:time! ip:inet user_agent:text",
      {
        time: "t.occurred_at",
        order: "t.occurred_at desc, t.id desc",
      },
    ),
  ],
  "cookie-consents": [
    own(
      "consent_events",
      "id:int! scope:text! decisions:json! method:text! banner_revision:int policy_version:text! language:text! occurred_at:time! ip_truncated:text",
      { time: "t.occurred_at", order: "t.occurred_at desc, t.id desc" },
    ),
  ],
  "privacy-requests": [
    own(
      "privacy_requests",
      "id:uuid! reference:text! kind:text! status:text! details:text created_at:time! due_at:time! extended_at:time extension_reason:text closed_at:time scheduled_for:time",
    ),
    {
      table: "privacy_request_events",
      from: "privacy_request_events t join privacy_requests r on r.id = t.request_id",
      owner: "r.user_id",
      order: "t.request_id, t.occurred_at, t.id",
      columns: cols("id:int! request_id:uuid! kind:text! note:text occurred_at:time!"),
    },
    own(
      "export_history",
      "id:uuid! status:text! format:text! categories:text[]! range_from:time range_to:time started_at:time! finished_at:time rows:int size_bytes:int sha256:text ip:text",
      { order: "t.started_at desc, t.id desc" },
    ),
  ],
  "staff-access": [
    own(
      "support_access_grants",
      "id:uuid! ticket_ref:text! created_at:time! expires_at:time! revoked_at:time",
      {
        time: "t.created_at",
      },
    ),
    own(
      "staff_access_events",
      "id:int! agent_display_name:text! ticket_ref:text kind:text! path:text reason:text occurred_at:time!",
      {
        time: "t.occurred_at",
        order: "t.occurred_at desc, t.id desc",
      },
    ),
  ],
  disclosures: [
    own(
      "third_party_disclosures",
      "id:uuid! recipient_kind:text! recipient_name:text! country:text purpose:text! categories:text[]! legal_basis:text! disclosed_at:time! reference:text",
      { order: "t.disclosed_at desc, t.id desc" },
    ),
  ],
};

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
