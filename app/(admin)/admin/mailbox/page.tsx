import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/i18n/local-time";
import { Card, PageTitle } from "@/components/ui/card";
import { listMailbox } from "@/lib/dal/admin/mailbox";
import { pageParams, type SearchParams } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.mailbox"))("title") };
}

const PAGE = 25;
const STATUSES = ["pending", "sending", "sent", "failed"] as const;

/** Every mail the app queued. Who may see it is decided in lib/dal/admin/mailbox.ts. */
export default async function MailboxPage(props: { searchParams: SearchParams }) {
  const page = await listMailbox({ ...pageParams(await props.searchParams), limit: PAGE });
  const t = await getTranslations("admin.mailbox");
  const mails = page.items;
  const status = (s: string) =>
    (STATUSES as readonly string[]).includes(s)
      ? t(`statuses.${s as (typeof STATUSES)[number]}`)
      : s;
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <p className="mb-4 text-sm text-slate-700">{t("note")}</p>
      <Card>
        {mails.length === 0 ? (
          <p className="text-sm text-slate-700">{t("none")}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {mails.map((m) => (
              <li key={m.id} className="py-3 text-sm">
                <p className="font-medium break-words">{m.subject}</p>
                <p className="break-words text-slate-600">
                  {t("to", { address: m.toAddress })} · {m.kind.replaceAll("_", " ")} ·{" "}
                  {status(m.status)}
                  {m.attempts > 0 && ` ${t("attempts", { count: m.attempts })}`} ·{" "}
                  <LocalTime value={m.createdAt} />
                </p>
                {m.textBody !== null && (
                  <details className="mt-1">
                    <summary className="cursor-pointer">{t("show")}</summary>
                    <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-3 text-xs break-words whitespace-pre-wrap">
                      {m.textBody}
                    </pre>
                  </details>
                )}
              </li>
            ))}
          </ul>
        )}
        <nav aria-label={t("pages")} className="mt-3 flex gap-4 text-sm">
          {page.prev && <Link href="/admin/mailbox">{t("newest")}</Link>}
          {page.next && <Link href={`/admin/mailbox?after=${page.next}`}>{t("older")}</Link>}
        </nav>
      </Card>
    </>
  );
}
