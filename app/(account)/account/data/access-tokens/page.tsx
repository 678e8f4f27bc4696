import Link from "next/link";
import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { DeleteButton } from "@/components/data/delete-button";
import { Empty } from "@/components/data/empty";
import { LocalTime } from "@/components/i18n/local-time";
import { listMyAccessTokens, type AccessTokenDTO } from "@/lib/dal/data/access-tokens";
import { revokeTokenAction } from "../actions";
import { loadCategory } from "../load";
import { TokenForm } from "./token-form";
import { refusalInWords, scopeInWords } from "./words";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("tokens.metaTitle") };
}

/** How long ago, with the exact time beside it (both in the viewer's zone and language). */
function When({ at, now }: { at: Date; now: number }) {
  return (
    <>
      <LocalTime value={at} style="ago" now={now} /> (<LocalTime value={at} />)
    </>
  );
}

function TokenItem({ token, now }: { token: AccessTokenDTO; now: number }) {
  const t = useTranslations("security.tokens");
  const headingId = `token-${token.id}`;
  return (
    <li className="space-y-2 py-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h3 id={headingId} className="font-medium break-all">
          {token.name} <span className="font-mono text-slate-600">{token.prefix}…</span>
          {token.revokedAt && (
            <span className="ml-2 rounded bg-slate-200 px-2 text-xs">{t("revoked")}</span>
          )}
        </h3>
        {!token.revokedAt && (
          <DeleteButton
            action={revokeTokenAction.bind(null, token.id)}
            label={t("revokeLabel", { name: token.name })}
            confirmLabel={t("revoke")}
            what={t("revokeWhat", { name: token.name, prefix: token.prefix })}
          />
        )}
      </div>
      <dl className="grid gap-x-4 gap-y-1 text-sm text-slate-700 sm:grid-cols-[9rem_1fr]">
        <dt className="font-medium text-slate-800">{t("usedBy")}</dt>
        <dd>{t(token.kind === "cura" ? "kind.cura" : "kind.printer")}</dd>
        <dt className="font-medium text-slate-800">{t("may")}</dt>
        <dd>
          <ul
            aria-label={t("mayLabel", { name: token.name })}
            className="flex flex-wrap gap-x-3 gap-y-1"
          >
            {token.scopes.map((s) => (
              <li key={s}>{scopeInWords(s, t)}</li>
            ))}
          </ul>
        </dd>
        <dt className="font-medium text-slate-800">{t("created")}</dt>
        <dd>
          <When at={token.createdAt} now={now} />
        </dd>
        <dt className="font-medium text-slate-800">{t("lastUsed")}</dt>
        <dd className="break-words">
          {token.lastUsedAt ? (
            <>
              <When at={token.lastUsedAt} now={now} />{" "}
              {t("from", { ip: token.lastUsedIp ?? t("unknownAddress") })}
            </>
          ) : (
            t("never")
          )}
        </dd>
        {token.revokedAt && (
          <>
            <dt className="font-medium text-slate-800">{t("revokedAt")}</dt>
            <dd>
              <When at={token.revokedAt} now={now} />
            </dd>
          </>
        )}
        <dt className="font-medium text-slate-800">{t("notStored")}</dt>
        <dd>
          {token.refusals.length === 0 ? (
            t("nothingRefused")
          ) : (
            <ul aria-label={t("refusedLabel", { name: token.name })} className="space-y-1">
              {token.refusals.map((r) => (
                <li key={`${r.category}-${r.reason}`}>
                  {refusalInWords(r, t)}{" "}
                  {t.rich("firstLast", {
                    first: () => <LocalTime value={r.firstAt} />,
                    last: () => <LocalTime value={r.lastAt} />,
                  })}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </li>
  );
}

export default async function AccessTokensPage() {
  const [{ category, stats }, tokens, t] = await Promise.all([
    loadCategory("access-tokens"),
    listMyAccessTokens(),
    getTranslations("security.tokens"),
  ]);
  // One "now" for the server's and the browser's first render of "3 minutes ago".
  const now = new Date().getTime();
  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <div className="space-y-6">
        <Card title={t("createTitle")} id="create">
          <p className="mb-4 text-sm text-slate-600">
            {t.rich("intro", {
              link: (chunks) => <Link href="/developers/api">{chunks}</Link>,
            })}
          </p>
          <TokenForm />
        </Card>
        <Card title={t("listTitle")} id="tokens">
          {tokens.length === 0 ? (
            <Empty>{t("empty")}</Empty>
          ) : (
            <ul className="divide-y divide-slate-100">
              {tokens.map((token) => (
                <TokenItem key={token.id} token={token} now={now} />
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
