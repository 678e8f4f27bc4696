import "server-only";
import { getDbHandle } from "@/db";
import { requireSession } from "@/lib/dal/session";
import type { CategoryId } from "@/lib/catalog";

/**
 * Where each category's items live, which time is their "latest activity", and which time
 * starts their retention clock (the oldest one decides the next purge date).
 * Every expression below is answered from an index on (user_id, time DESC, id DESC).
 */
type Source = {
  table: string;
  owner?: string;
  latest: string;
  clock?: string;
  /** Where the retention clock lives when not in `table`. */
  clockTable?: string;
  clockWhere?: string;
};

const sources: Record<CategoryId, Source> = {
  profile: { table: "users", owner: "id", latest: "updated_at" },
  "login-activity": { table: "login_events", latest: "occurred_at", clock: "occurred_at" },
  "access-tokens": {
    table: "access_tokens",
    latest: "created_at",
    clock: "revoked_at",
    clockWhere: "revoked_at is not null",
  },
  // Printers' retention is about their status history, not the printers themselves.
  printers: {
    table: "printers",
    latest: "created_at",
    clock: "occurred_at",
    clockTable: "printer_status_events",
  },
  "print-jobs": { table: "print_jobs", latest: "created_at", clock: "created_at" },
  "cura-configuration": { table: "cura_config_versions", latest: "created_at" },
  diagnostics: { table: "diagnostics", latest: "created_at", clock: "created_at" },
  marketing: { table: "email_engagement_events", latest: "occurred_at", clock: "occurred_at" },
  "cookie-consents": { table: "consent_events", latest: "occurred_at", clock: "occurred_at" },
  "privacy-requests": {
    table: "privacy_requests",
    latest: "created_at",
    clock: "closed_at",
    clockWhere: "closed_at is not null",
  },
  "staff-access": { table: "staff_access_events", latest: "occurred_at", clock: "occurred_at" },
  disclosures: { table: "third_party_disclosures", latest: "disclosed_at", clock: "disclosed_at" },
};

/**
 * Counting a million rows on every visit would make the overview as slow as the data is big.
 * Up to this many items are counted exactly (an index-only scan that stops at the cap);
 * beyond it the planner's estimate is shown as "about N".
 */
export const EXACT_COUNT_CAP = 10_000;

export type ItemCount = { value: number; approximate: boolean };
export type CategoryStatsDTO = {
  id: CategoryId;
  count: ItemCount;
  latest: Date | null;
  oldest: Date | null;
};

const UUID = /^[0-9a-f-]{36}$/i;

function countSql(id: CategoryId, s: Source): string {
  const owner = s.owner ?? "user_id";
  return `(select count(*) from (select 1 from ${s.table} where ${owner} = $1 limit ${EXACT_COUNT_CAP + 1}) s)::int as "${id}:count",
  (select max(${s.latest}) from ${s.table} where ${owner} = $1) as "${id}:latest"`;
}

function oldestSql(id: CategoryId, s: Source): string {
  if (!s.clock) return `null::timestamptz as "${id}:oldest"`;
  const table = s.clockTable ?? s.table;
  const extra = s.clockWhere ? ` and ${s.clockWhere}` : "";
  return `(select min(${s.clock}) from ${table} where user_id = $1${extra}) as "${id}:oldest"`;
}

async function estimate(table: string, owner: string, userId: string): Promise<number> {
  if (!UUID.test(userId)) throw new Error("unexpected user id");
  const handle = await getDbHandle();
  // The id is a uuid from the session (checked above), inlined so the planner sees the value.
  const [row] = await handle.query<Record<string, unknown>>(
    `explain (format json) select 1 from ${table} where ${owner} = '${userId}'`,
  );
  const raw = row ? Object.values(row)[0] : null;
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as [
    { Plan: { "Plan Rows": number } },
  ];
  return Math.round(plan[0].Plan["Plan Rows"]);
}

/** Count, latest and oldest item of the given categories for the signed-in user, in one query. */
export async function getMyCategoryStats(
  ids: CategoryId[],
  opts: { oldest?: boolean } = {},
): Promise<CategoryStatsDTO[]> {
  const { user } = await requireSession();
  const handle = await getDbHandle();
  const parts = ids.flatMap((id) => [
    countSql(id, sources[id]),
    ...(opts.oldest ? [oldestSql(id, sources[id])] : []),
  ]);
  const [row] = await handle.query<Record<string, unknown>>(`select ${parts.join(",\n  ")}`, [
    user.id,
  ]);
  const date = (v: unknown) =>
    v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v));
  return Promise.all(
    ids.map(async (id) => {
      const exact = Number(row?.[`${id}:count`] ?? 0);
      const capped = exact > EXACT_COUNT_CAP;
      const s = sources[id];
      const value = capped
        ? Math.max(EXACT_COUNT_CAP + 1, await estimate(s.table, s.owner ?? "user_id", user.id))
        : exact;
      return {
        id,
        count: { value, approximate: capped },
        latest: date(row?.[`${id}:latest`]),
        oldest: date(row?.[`${id}:oldest`]),
      };
    }),
  );
}
