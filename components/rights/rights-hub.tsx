import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/i18n/local-time";
import { requestWord } from "@/components/requests/words";
import type { OpenRequestSummaryDTO } from "@/lib/dal/requests/dossier";

type ActionKey =
  | "export"
  | "correct"
  | "deleteAccount"
  | "deleteData"
  | "restrict"
  | "withdraw"
  | "ask"
  | "complain";

type RightsAction = {
  key: ActionKey;
  href: string;
  /** A second, smaller link (above the card-wide link's overlay). */
  also?: { href: string; key: "consents" };
};

/** The actions a person comes to a privacy center for, in the order they are shown. */
const actions: RightsAction[] = [
  { key: "export", href: "/account/export" },
  { key: "correct", href: "/account/profile" },
  { key: "deleteAccount", href: "/account/delete" },
  { key: "deleteData", href: "/account/delete-data" },
  { key: "restrict", href: "/account/processing" },
  {
    key: "withdraw",
    href: "/account/preferences",
    also: { href: "/account/consents", key: "consents" },
  },
  { key: "ask", href: "/account/requests/new?kind=other" },
  { key: "complain", href: "/account/complaint" },
];

/**
 * What you can do, each with what happens and how long it takes, and your open requests. The
 * overview leads with it; the first card is "Get a copy of your data", so the download is a few
 * tabs from the top of the page.
 */
export async function RightsHub({
  open,
  config,
}: {
  open: OpenRequestSummaryDTO[];
  config: { dueDays: number; graceDays: number; authority: string };
}) {
  const t = await getTranslations("overview.rights");
  const tr = await getTranslations("requests");
  const values = { due: config.dueDays, grace: config.graceDays, authority: config.authority };
  return (
    <section aria-labelledby="your-rights" className="space-y-3">
      <h2 id="your-rights" className="text-xl font-bold">
        {t("title")}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4" aria-label={t("list")}>
        {actions.map((a) => (
          <li
            key={a.key}
            className="relative flex flex-col rounded-lg border-2 border-slate-200 bg-white p-3 focus-within:border-brand-700 hover:border-brand-700"
          >
            <Link href={a.href} className="font-semibold after:absolute after:inset-0">
              {t(`actions.${a.key}.label`)}
            </Link>
            <p className="mt-1 text-sm text-slate-700">{t(`actions.${a.key}.what`, values)}</p>
            {a.also && (
              <Link href={a.also.href} className="relative z-10 mt-1 text-sm">
                {t(`also.${a.also.key}`)}
              </Link>
            )}
            <p className="mt-auto pt-2 text-sm font-medium text-slate-900">
              {t(`actions.${a.key}.when`, values)}
            </p>
          </li>
        ))}
      </ul>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="font-semibold">{t("open.title")}</h3>
        {open.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">{t("open.none")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 text-sm" aria-label={t("open.title")}>
            {open.map((r) => (
              <li key={r.reference} className="flex flex-wrap gap-x-4 gap-y-1 py-2">
                <Link href={`/account/requests/${r.reference}`} className="font-mono font-medium">
                  {r.reference}
                </Link>
                <span>{requestWord(tr, "kind", r.kind)}</span>
                <span>{requestWord(tr, "status", r.status)}</span>
                <span>
                  {t.rich("open.due", { date: () => <LocalTime value={r.dueAt} style="date" /> })}
                  {r.overdue && <strong className="ml-2 text-red-800">{t("open.overdue")}</strong>}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-sm">
          <Link href="/account/requests">{t("open.all")}</Link>
        </p>
      </div>
    </section>
  );
}
