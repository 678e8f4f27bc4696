import type { PgTable } from "drizzle-orm/pg-core";
import type * as schema from "@/db/schema";

/** The SQL name of every table in db/schema, as a type. */
export type TableName = Extract<(typeof schema)[keyof typeof schema], PgTable>["_"]["name"];

/**
 * Tables that hold no personal data, with the reason. Every table in the schema is either in a
 * catalog category, here, or a system table below (catalog.test.ts).
 */
export const noPersonalData = {
  materials: "Reference list of filaments; describes products, not people.",
  auth_throttle: "Failed-attempt counters keyed by a one-way hash; expire within hours.",
  erasure_progress:
    "Row counts per table of a running erasure; belongs to the anonymised request, names no one.",
} satisfies Partial<Record<TableName, string>>;

/**
 * What happens to each table's rows when an account is erased. Every table except those in
 * `noPersonalData` must appear here: a new table in db/schema is a type error until it has a
 * rule, and catalog.test.ts checks that the rule is what its foreign keys carry out.
 */
export type ErasureRule =
  | { action: "delete"; how: string }
  | { action: "anonymise"; how: string; basis: string }
  | { action: "keep"; basis: string };

export const erasureRules: Record<Exclude<TableName, keyof typeof noPersonalData>, ErasureRule> = {
  users: { action: "delete", how: "The account row is deleted; the rows below follow it." },
  sessions: { action: "delete", how: "Cascade from users." },
  login_events: { action: "delete", how: "Cascade from users." },
  verification_tokens: { action: "delete", how: "Cascade from users." },
  access_tokens: { action: "delete", how: "Cascade from users." },
  ingest_refusals: { action: "delete", how: "Cascade from users and access_tokens." },
  ingest_idempotency: { action: "delete", how: "Cascade from access_tokens." },
  ingest_rate_windows: { action: "delete", how: "Cascade from access_tokens." },
  print_groups: { action: "delete", how: "Cascade from users." },
  printers: { action: "delete", how: "Cascade from users." },
  printer_status_events: { action: "delete", how: "Cascade from users." },
  print_jobs: { action: "delete", how: "Cascade from users." },
  print_job_materials: { action: "delete", how: "Cascade from users and print_jobs." },
  print_job_temperature_samples: { action: "delete", how: "Cascade from users and print_jobs." },
  cura_config_versions: { action: "delete", how: "Cascade from users." },
  diagnostics: { action: "delete", how: "Cascade from users." },
  marketing_preferences: { action: "delete", how: "Cascade from users." },
  email_engagement_events: { action: "delete", how: "Cascade from users." },
  consent_events: {
    action: "delete",
    how: "Cascade from users (the append-only trigger allows only this cascade).",
  },
  support_access_grants: { action: "delete", how: "Cascade from users." },
  staff_access_events: {
    action: "delete",
    how: "The subject's events cascade; as agent, agent_id is set null and the display name kept.",
  },
  third_party_disclosures: { action: "delete", how: "Cascade from users." },
  email_outbox: { action: "delete", how: "Cascade from users." },
  export_history: { action: "delete", how: "Cascade from users." },
  processing_choices: {
    action: "delete",
    how: "Cascade from users; where the person only started or lifted another's choice, started_by or lifted_by is set null.",
  },
  auto_delete_choices: { action: "delete", how: "Cascade from users." },
  privacy_requests: {
    action: "anonymise",
    how: "user_id is set null; requester_email, details and extension_reason are cleared; kind, dates and outcome stay.",
    basis: "Proof that the request was handled within the deadline (GDPR art. 5(2), 12).",
  },
  privacy_request_events: {
    action: "anonymise",
    how: "actor_id is set null and the notes of the erased holder's requests cleared; the timeline's events and times stay with the anonymised request.",
    basis: "Proof that the request was handled within the deadline (GDPR art. 5(2), 12).",
  },
  pending_privacy_requests: {
    action: "delete",
    how: "Never linked to an account; deleted when its link is followed or when it expires (24 hours).",
  },
  audit_log: {
    action: "anonymise",
    how: "actor_id, subject_id, ip and details are cleared; the hash chain does not cover them.",
    basis:
      "Accountability: a tamper-evident record of security and privacy events (GDPR art. 5(2)).",
  },
};

/**
 * Tables in no catalog category, with the reason: those without personal data, and the
 * organisation's own records.
 */
export const systemTables: Partial<Record<TableName, string>> = {
  ...noPersonalData,
  pending_privacy_requests:
    "Unconfirmed requests from the public form: an email address waiting for its link to be followed, gone within 24 hours.",
  ingest_idempotency:
    "The ingestion API's stored answers to retried requests (server ids and counts, never what was sent), kept for a day.",
  ingest_rate_windows:
    "Request counts per token per minute for the ingestion API's rate limit, deleted within the hour.",
  audit_log:
    "The organisation's accountability record; personal fields are cleared on erasure (see erasure rules).",
};
