import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { LocalTime } from "@/components/i18n/local-time";
import { Button } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { requireRole } from "@/lib/dal/session";
import { listAuditLog } from "@/lib/dal/admin/audit";
import { pageParams, param, type SearchParams } from "@/lib/search-params";
import { VerifyChainButton } from "./verify-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.audit"))("title") };
}

const ROLES = ["user", "agent", "admin", "system", "visitor"] as const;
const roleKey = (role: string) =>
  `roles.${(ROLES as readonly string[]).includes(role) ? (role as (typeof ROLES)[number]) : "other"}` as const;

const filterSchema = z.object({
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_]+)+$/, "An action looks like profile.update")
    .optional(),
  subjectId: z.uuid("An account id, like 0f8c…-…").optional(),
  actorId: z.uuid("An account id, like 0f8c…-…").optional(),
  from: z.iso.date("A date, like 2025-01-31").optional(),
  to: z.iso.date("A date, like 2025-01-31").optional(),
});

const DAY_MS = 86_400_000;

/** The page's dates are whole UTC days: from its first millisecond up to and including `to`. */
function dateRange(filter: { from?: string; to?: string }) {
  return {
    from: filter.from ? new Date(`${filter.from}T00:00:00.000Z`) : undefined,
    to: filter.to ? new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + DAY_MS) : undefined,
  };
}

export default async function AuditPage(props: { searchParams: SearchParams }) {
  await requireRole("admin");
  const t = await getTranslations("admin.audit");
  const ta = await getTranslations("admin");
  const sp = await props.searchParams;
  const raw = {
    action: param(sp, "action"),
    subjectId: param(sp, "subject"),
    actorId: param(sp, "actor"),
    from: param(sp, "from"),
    to: param(sp, "to"),
  };
  const parsed = filterSchema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== "")),
  );
  const fieldErrors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  // The schema's own words are English; the page says the same in the viewer's language.
  const errors = {
    action: fieldErrors.action && t("badAction"),
    subjectId: fieldErrors.subjectId && t("badId"),
    actorId: fieldErrors.actorId && t("badId"),
    from: fieldErrors.from && t("badDate"),
    to: fieldErrors.to && t("badDate"),
  };
  const filter = parsed.success
    ? { ...parsed.data, ...dateRange(parsed.data) }
    : { from: undefined, to: undefined };
  const page = parsed.success
    ? await listAuditLog({ ...filter, ...pageParams(sp) })
    : { items: [], next: null, prev: null };
  const query = new URLSearchParams(
    Object.entries({
      action: raw.action,
      subject: raw.subjectId,
      actor: raw.actorId,
      from: raw.from,
      to: raw.to,
    }).filter(([, v]) => v),
  );
  const nextHref = page.next
    ? `/admin/audit?${new URLSearchParams([...query, ["after", page.next]])}`
    : null;
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="space-y-6">
        <Card title={t("verifyTitle")} id="verify">
          <VerifyChainButton />
        </Card>
        <Card title={t("eventsTitle")} id="events">
          <form
            method="get"
            action="/admin/audit"
            className="mb-4 grid gap-3 sm:grid-cols-3 sm:items-end"
          >
            <TextField
              label={t("action")}
              name="action"
              defaultValue={raw.action}
              error={errors.action}
            />
            <TextField
              label={t("subject")}
              name="subject"
              defaultValue={raw.subjectId}
              error={errors.subjectId}
            />
            <TextField
              label={t("actor")}
              name="actor"
              defaultValue={raw.actorId}
              error={errors.actorId}
            />
            <TextField
              label={t("from")}
              name="from"
              type="date"
              defaultValue={raw.from}
              error={errors.from}
            />
            <TextField
              label={t("to")}
              name="to"
              type="date"
              defaultValue={raw.to}
              error={errors.to}
            />
            <Button type="submit" allowInReadOnly>
              {t("filter")}
            </Button>
          </form>
          {page.items.length === 0 ? (
            <p className="text-sm text-slate-700">{t("none")}</p>
          ) : (
            <div
              className="overflow-x-auto"
              tabIndex={0}
              role="region"
              aria-label={t("tableLabel")}
            >
              {/* Scrolls sideways on a phone; focusable so a keyboard can scroll it too. */}
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("caption")}</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-2 pr-3">
                      {t("number")}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t("when")}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t("action")}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t("actorCol")}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t("subjectCol")}
                    </th>
                    <th scope="col" className="py-2">
                      {t("target")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((e) => (
                    <tr key={e.id} className="border-b border-slate-100 align-top">
                      <td className="py-2 pr-3 font-mono">{e.id}</td>
                      <td className="py-2 pr-3 whitespace-nowrap">
                        <LocalTime value={e.occurredAt} />
                      </td>
                      <td className="py-2 pr-3 font-mono">{e.action}</td>
                      <td className="py-2 pr-3">
                        {ta(roleKey(e.actorRole))}
                        {e.actorId && (
                          <span className="block font-mono text-xs break-all">{e.actorId}</span>
                        )}
                      </td>
                      <td className="py-2 pr-3 font-mono text-xs break-all">
                        {e.subjectId ?? "—"}
                      </td>
                      <td className="py-2 font-mono text-xs break-all">
                        {e.targetType ? `${e.targetType} ${e.targetId ?? ""}` : "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label={t("pages")} className="mt-3 flex gap-4 text-sm">
            {page.prev && <Link href={`/admin/audit?${query}`}>{t("newest")}</Link>}
            {nextHref && <Link href={nextHref}>{t("older")}</Link>}
          </nav>
        </Card>
        <p className="text-sm">
          <Link href="/admin/mailbox">{t("mailbox")}</Link>
        </p>
      </div>
    </>
  );
}
