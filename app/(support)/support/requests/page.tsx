import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Pager } from "@/components/data/pager";
import { LocalTime } from "@/components/i18n/local-time";
import { kindKey, statusKey } from "@/components/support/labels";
import { OverdueBadge } from "@/components/support/request-badges";
import { SupportNav } from "@/components/support/support-nav";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { listRequestQueue } from "@/lib/dal/requests/staff";
import { requireRole } from "@/lib/dal/session";
import { REQUEST_KINDS, REQUEST_STATUSES } from "@/lib/requests/clock";
import { pageParams, param, type SearchParams } from "@/lib/search-params";
import { queueFiltersSchema } from "@/lib/validation/requests-staff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support.queue"))("title") };
}

export default async function RequestQueuePage(props: { searchParams: SearchParams }) {
  await requireRole("agent");
  const t = await getTranslations("support.queue");
  const ts = await getTranslations("support");
  const params = await props.searchParams;
  const raw = {
    kind: param(params, "kind"),
    status: param(params, "status"),
    q: param(params, "q"),
  };
  // Unknown values (an old bookmark, a typo) are dropped, and the page says so.
  const filters = queueFiltersSchema.parse({
    kind: raw.kind || undefined,
    status: raw.status || undefined,
    q: raw.q || undefined,
  });
  const ignored =
    (raw.kind !== "" && raw.kind !== filters.kind) ||
    (raw.status !== "" && raw.status !== filters.status);
  const page = await listRequestQueue(filters, pageParams(params));
  const now = new Date();
  const filtered = filters.kind || filters.status !== "open" || filters.q;
  return (
    <>
      <SupportNav current="/support/requests" />
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="space-y-6">
        <Card title={t("filterTitle")} id="filters">
          <form
            method="get"
            action="/support/requests"
            className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_2fr_auto]"
          >
            <SelectField label={t("kind")} name="kind" defaultValue={filters.kind ?? ""}>
              <option value="">{t("allKinds")}</option>
              {REQUEST_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ts(kindKey(k))}
                </option>
              ))}
            </SelectField>
            <SelectField label={t("status")} name="status" defaultValue={filters.status}>
              <option value="open">{t("open")}</option>
              <option value="all">{t("allStatuses")}</option>
              {REQUEST_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ts(statusKey(s))}
                </option>
              ))}
            </SelectField>
            <TextField label={t("q")} name="q" defaultValue={filters.q ?? ""} autoComplete="off" />
            <Button type="submit" allowInReadOnly>
              {t("show")}
            </Button>
          </form>
          {ignored && (
            <div className="mt-4">
              <Alert tone="warning">{t("ignored")}</Alert>
            </div>
          )}
        </Card>
        <Card title={t("requestsTitle")} id="queue">
          {page.items.length === 0 ? (
            <p className="text-sm text-slate-700">{filtered ? t("noMatch") : t("empty")}</p>
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
                    {[
                      t("reference"),
                      t("kind"),
                      t("status"),
                      t("requester"),
                      t("received"),
                      t("due"),
                    ].map((h) => (
                      <th key={h} scope="col" className="py-2 pr-3">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((r) => (
                    <tr key={r.id} className="border-b border-slate-100 align-top">
                      <td className="py-2 pr-3 whitespace-nowrap">
                        <Link href={`/support/requests/${r.id}`}>{r.reference}</Link>
                      </td>
                      <td className="py-2 pr-3">{ts(kindKey(r.kind))}</td>
                      <td className="py-2 pr-3">{ts(statusKey(r.status))}</td>
                      <td className="py-2 pr-3">
                        {r.requesterName && <div>{r.requesterName}</div>}
                        <div className="text-slate-700">{r.requesterEmail ?? t("erased")}</div>
                      </td>
                      <td className="py-2 pr-3 whitespace-nowrap">
                        <LocalTime value={r.createdAt} style="date" />
                      </td>
                      <td className="py-2 pr-3">
                        <LocalTime value={r.dueAt} className="whitespace-nowrap" />
                        <OverdueBadge status={r.status} dueAt={r.dueAt} now={now} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            page={page}
            path="/support/requests"
            params={{ kind: filters.kind, status: filters.status, q: filters.q }}
            label={t("pages")}
            words={{ prev: t("prev"), next: t("next") }}
          />
        </Card>
      </div>
    </>
  );
}
