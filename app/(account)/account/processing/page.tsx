import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { LocalTime } from "@/components/i18n/local-time";
import { Card, PageTitle } from "@/components/ui/card";
import { getMyProcessing, type ProcessingHistoryDTO } from "@/lib/dal/processing";
import {
  findScope,
  OBJECTION_SCOPES,
  RESTRICTION_SCOPES,
  type ProcessingKind,
  type ProcessingScope,
} from "@/lib/processing/scopes";
import { ProcessingSwitches } from "./processing-switches";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rights.processing");
  return { title: t("title") };
}

type T = Awaited<ReturnType<typeof getTranslations<"rights.processing">>>;

/** A scope in the viewer's language; the catalog's English when a new scope has no words yet. */
function scopeText(t: T, s: ProcessingScope): ProcessingScope {
  const key = `scope.${s.kind}.${s.scope}` as "scope.restriction.printers";
  if (!t.has(`${key}.label`)) return s;
  return { ...s, label: t(`${key}.label`), explanation: t(`${key}.explanation`) };
}

function scopeLabel(t: T, kind: ProcessingKind, scope: string) {
  const found = findScope(kind, scope);
  return found ? scopeText(t, found).label : `${kind}: ${scope}`;
}

function History({ t, rows, now }: { t: T; rows: ProcessingHistoryDTO[]; now: Date }) {
  if (rows.length === 0) return <p className="text-sm text-slate-700">{t("nothing")}</p>;
  return (
    <ol className="space-y-2 text-sm" aria-label={t("historyLabel")}>
      {rows.map((h) => (
        <li key={h.id} className="rounded-md border border-slate-200 p-3">
          <p className="font-medium">{scopeLabel(t, h.kind, h.scope)}</p>
          <p>
            {t.rich("started", {
              who: t(`by.${h.startedBy}`),
              when: () => <LocalTime value={h.startedAt} now={now} />,
            })}
          </p>
          <p>
            {h.liftedAt && h.liftedBy
              ? t.rich("lifted", {
                  who: t(`by.${h.liftedBy}`),
                  when: () => <LocalTime value={h.liftedAt!} now={now} />,
                })
              : t("active")}
          </p>
        </li>
      ))}
    </ol>
  );
}

/**
 * Restriction (art. 18) and objection (art. 21) as switches. Each takes effect the moment it is
 * switched; the DAL refuses read-only support sessions.
 */
export default async function ProcessingPage() {
  const { state, history } = await getMyProcessing();
  const t = await getTranslations("rights.processing");
  const now = new Date();
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="space-y-6">
        <Card title={t("restrictTitle")} id="restrict">
          <p className="mb-4 text-sm text-slate-700">{t("restrictLead")}</p>
          <ProcessingSwitches
            legend={t("restrictTitle")}
            scopes={RESTRICTION_SCOPES.map((s) => scopeText(t, s))}
            active={state.restricted}
          />
        </Card>
        <Card title={t("objectTitle")} id="object">
          <p className="mb-4 text-sm text-slate-700">{t("objectLead")}</p>
          <ProcessingSwitches
            legend={t("objectTitle")}
            scopes={OBJECTION_SCOPES.map((s) => scopeText(t, s))}
            active={state.objections}
          />
        </Card>
        <Card title={t("historyTitle")} id="history">
          <History t={t} rows={history} now={now} />
        </Card>
        <p className="text-sm">
          {t.rich("more", {
            link: (chunks) => <Link href="/account/requests/new?kind=restriction">{chunks}</Link>,
          })}
        </p>
      </div>
    </>
  );
}
