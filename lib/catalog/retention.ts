import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import {
  accessTokens,
  consentEvents,
  curaConfigVersions,
  diagnostics,
  emailEngagementEvents,
  loginEvents,
  printJobMaterials,
  printJobTemperatureSamples,
  printJobs,
  printerStatusEvents,
  privacyRequests,
  sessions,
  staffAccessEvents,
  supportAccessGrants,
  thirdPartyDisclosures,
  verificationTokens,
} from "@/db/schema";
import type { CategoryId } from "./ids";
import { sqlColumn, sqlTableName } from "./table";

/**
 * What the retention job deletes, table by table, as SQL text derived from the drizzle tables
 * (never a column name typed twice). Pure. The purge (lib/dal/retention/purge.ts) and the
 * panel's "oldest item" (lib/dal/data/overview.ts) both read these, so they count the same rows.
 *
 * Not here, on purpose: audit_log (append-only accountability record; anonymised on erasure,
 * never purged), printers, print groups, marketing preferences, processing choices and the
 * profile (kept while the account exists), pending_privacy_requests, ingest_idempotency and
 * ingest_rate_windows (expired by the code that owns them).
 */
export type PurgeTarget = {
  table: string;
  /** FROM clause; the purged table is aliased `t`, a parent that holds the clock `p`. */
  from: string;
  /** SQL for the time that starts the clock. */
  clock: string;
  /** SQL for the owner's id, where a holder's auto-delete choice applies. */
  owner?: string;
  /** Extra condition (SQL) a row must meet to go. */
  where?: string;
  /** A transaction-local setting the table's guard trigger requires before it allows DELETE. */
  setting?: string;
  /** The row the category's panel calls an "item" (its oldest decides the date shown). */
  item?: boolean;
};

export type PurgePlan = {
  /** A catalog category (its retention and auto-delete apply), or housekeeping with fixed days. */
  category: CategoryId | null;
  /** For housekeeping only. */
  days?: number;
  label: string;
  /** Children before the tables they reference, so a batch never cascades into many rows. */
  targets: PurgeTarget[];
};

const own = (table: PgTable, clock: AnyPgColumn, extra: Partial<PurgeTarget> = {}) => {
  const name = sqlTableName(table);
  return {
    table: name,
    from: `${name} t`,
    clock: `t.${sqlColumn(clock)}`,
    owner: "t.user_id",
    ...extra,
  } satisfies PurgeTarget;
};

/** A child purged by its parent's clock (print jobs' samples and materials). */
const child = (table: PgTable, key: AnyPgColumn, parent: PgTable, clock: AnyPgColumn) => {
  const name = sqlTableName(table);
  return {
    table: name,
    from: `${name} t join ${sqlTableName(parent)} p on p.id = t.${sqlColumn(key)}`,
    clock: `p.${sqlColumn(clock)}`,
    owner: "p.user_id",
  } satisfies PurgeTarget;
};

const cura = sqlTableName(curaConfigVersions);

export const purgePlans: PurgePlan[] = [
  {
    category: "login-activity",
    label: "sign-ins and ended sessions",
    targets: [
      own(loginEvents, loginEvents.occurredAt, { item: true }),
      // A session is unusable after expires_at, so its clock starts there.
      own(sessions, sessions.expiresAt),
    ],
  },
  {
    category: "access-tokens",
    label: "revoked access tokens (their refusal counts go with them)",
    targets: [own(accessTokens, accessTokens.revokedAt, { item: true })],
  },
  {
    category: "printers",
    label: "printer status history (the printers stay)",
    targets: [own(printerStatusEvents, printerStatusEvents.occurredAt, { item: true })],
  },
  {
    category: "print-jobs",
    label: "print jobs with their temperatures and materials",
    targets: [
      child(
        printJobTemperatureSamples,
        printJobTemperatureSamples.printJobId,
        printJobs,
        printJobs.createdAt,
      ),
      child(printJobMaterials, printJobMaterials.printJobId, printJobs, printJobs.createdAt),
      own(printJobs, printJobs.createdAt, { item: true }),
    ],
  },
  {
    category: "cura-configuration",
    label: "older Cura profile versions (the newest of each profile stays)",
    targets: [
      own(curaConfigVersions, curaConfigVersions.createdAt, {
        item: true,
        where: `exists (select 1 from ${cura} n where n.user_id = t.user_id and n.profile_name = t.profile_name and n.version > t.version)`,
      }),
    ],
  },
  {
    category: "diagnostics",
    label: "diagnostic bundles",
    targets: [own(diagnostics, diagnostics.createdAt, { item: true })],
  },
  {
    category: "marketing",
    label: "email opens and clicks",
    targets: [own(emailEngagementEvents, emailEngagementEvents.occurredAt, { item: true })],
  },
  {
    category: "cookie-consents",
    label: "visitors' consent records (holders' stay with the account)",
    targets: [
      {
        table: sqlTableName(consentEvents),
        from: `${sqlTableName(consentEvents)} t`,
        clock: `t.${sqlColumn(consentEvents.occurredAt)}`,
        where: "t.user_id is null",
        // The append-only trigger lets a DELETE through only with this setting, and only for
        // visitors' rows (migration retention_consent_purge).
        setting: "pc.retention_purge",
      },
    ],
  },
  {
    category: "privacy-requests",
    label: "requests closed 5 years ago, with their timelines",
    targets: [own(privacyRequests, privacyRequests.closedAt, { item: true })],
  },
  {
    category: "staff-access",
    label: "staff access records and support permissions",
    targets: [
      own(staffAccessEvents, staffAccessEvents.occurredAt, { item: true }),
      own(supportAccessGrants, supportAccessGrants.expiresAt),
    ],
  },
  {
    category: "disclosures",
    label: "disclosure records",
    targets: [own(thirdPartyDisclosures, thirdPartyDisclosures.disclosedAt, { item: true })],
  },
  {
    category: null,
    days: 7,
    label: "expired email links",
    targets: [own(verificationTokens, verificationTokens.expiresAt)],
  },
];

/** The target whose oldest row is the category's "oldest item", if the category has one. */
export function itemTarget(category: CategoryId): PurgeTarget | undefined {
  return purgePlans.find((p) => p.category === category)?.targets.find((t) => t.item);
}
