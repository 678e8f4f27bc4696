import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/i18n/local-time";
import { Button } from "@/components/ui/button";
import { SupportNav } from "@/components/support/support-nav";
import { Card, PageTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { requireRole } from "@/lib/dal/session";
import { searchAccounts } from "@/lib/dal/support/console";
import { param, type SearchParams } from "@/lib/search-params";
import { accountSearchSchema } from "@/lib/validation/support";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support.console"))("title") };
}

export default async function SupportConsolePage(props: { searchParams: SearchParams }) {
  await requireRole("agent");
  const t = await getTranslations("support.console");
  const raw = param(await props.searchParams, "q");
  const parsed = raw ? accountSearchSchema.safeParse({ q: raw }) : null;
  const results = parsed?.success ? await searchAccounts(parsed.data.q) : null;
  const error = parsed && !parsed.success ? parsed.error.issues[0]?.message : undefined;
  return (
    <>
      <SupportNav current="/support" />
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="space-y-6">
        <Card title={t("findTitle")} id="search">
          {/* A GET form: the search is a page address an agent can come back to. */}
          <form
            method="get"
            action="/support"
            role="search"
            className="flex flex-wrap items-end gap-3"
          >
            <div className="min-w-0 flex-1 basis-56">
              <TextField
                label={t("searchLabel")}
                name="q"
                defaultValue={raw}
                error={error}
                autoComplete="off"
              />
            </div>
            <Button type="submit" allowInReadOnly>
              {t("search")}
            </Button>
          </form>
        </Card>
        {results && (
          <Card title={t("foundTitle")} id="results">
            {results.length === 0 ? (
              <p className="text-sm text-slate-700">{t("noMatch", { q: raw })}</p>
            ) : (
              // A table on a wide screen, one card per account on a phone: nothing scrolls sideways.
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("caption")}</caption>
                <thead className="sr-only sm:not-sr-only">
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-2 pr-3">
                      {t("name")}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t("email")}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t("access")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((a) => (
                    <tr
                      key={a.id}
                      className="block border-b border-slate-100 py-2 sm:table-row sm:py-0"
                    >
                      <td className="block py-0.5 sm:table-cell sm:py-2 sm:pr-3">
                        <Link href={`/support/accounts/${a.id}`}>{a.name}</Link>
                      </td>
                      <td className="block py-0.5 break-all sm:table-cell sm:py-2 sm:pr-3">
                        {a.email}
                      </td>
                      <td className="block py-0.5 sm:table-cell sm:py-2 sm:pr-3">
                        {a.grantActiveUntil
                          ? t.rich("grantedUntil", {
                              time: () => <LocalTime value={a.grantActiveUntil} />,
                            })
                          : t("notGranted")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
