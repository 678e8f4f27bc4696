import Link from "next/link";
import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { DeleteButton } from "@/components/data/delete-button";
import { Empty } from "@/components/data/empty";
import { formatDateTime } from "@/components/data/format";
import { refusalSentence, scopeLabel } from "@/components/data/token-words";
import { formatTimeAgo } from "@/lib/format";
import { listMyAccessTokens, type AccessTokenDTO } from "@/lib/dal/data/access-tokens";
import { revokeTokenAction } from "../actions";
import { loadCategory } from "../load";
import { TokenForm } from "./token-form";

export const metadata: Metadata = { title: "Access tokens" };

/** An exact time with how long ago it was; rendered on the server only (no hydration drift). */
function When({ at, now }: { at: Date; now: Date }) {
  return (
    <>
      {formatTimeAgo(at, now)} (<time dateTime={at.toISOString()}>{formatDateTime(at)}</time>)
    </>
  );
}

function TokenItem({ t, now }: { t: AccessTokenDTO; now: Date }) {
  const headingId = `token-${t.id}`;
  return (
    <li className="space-y-2 py-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h3 id={headingId} className="font-medium break-all">
          {t.name} <span className="font-mono text-slate-600">{t.prefix}…</span>
          {t.revokedAt && <span className="ml-2 rounded bg-slate-200 px-2 text-xs">revoked</span>}
        </h3>
        {!t.revokedAt && (
          <DeleteButton
            action={revokeTokenAction.bind(null, t.id)}
            label={`Revoke ${t.name}`}
            confirmLabel="Revoke"
            what={`The token "${t.name}" (${t.prefix}…) stops working at once; whatever uses it can no longer send data. The record of it is kept for 90 days.`}
          />
        )}
      </div>
      <dl className="grid gap-x-4 gap-y-1 text-sm text-slate-700 sm:grid-cols-[9rem_1fr]">
        <dt className="font-medium text-slate-800">Used by</dt>
        <dd>{t.kind === "cura" ? "Ultimaker Cura" : "A printer"}</dd>
        <dt className="font-medium text-slate-800">May</dt>
        <dd>
          <ul aria-label={`What ${t.name} may do`} className="flex flex-wrap gap-x-3 gap-y-1">
            {t.scopes.map((s) => (
              <li key={s}>{scopeLabel(s)}</li>
            ))}
          </ul>
        </dd>
        <dt className="font-medium text-slate-800">Created</dt>
        <dd>
          <When at={t.createdAt} now={now} />
        </dd>
        <dt className="font-medium text-slate-800">Last used</dt>
        <dd>
          {t.lastUsedAt ? (
            <>
              <When at={t.lastUsedAt} now={now} /> from {t.lastUsedIp ?? "an unknown address"}
            </>
          ) : (
            "never"
          )}
        </dd>
        {t.revokedAt && (
          <>
            <dt className="font-medium text-slate-800">Revoked</dt>
            <dd>
              <When at={t.revokedAt} now={now} />
            </dd>
          </>
        )}
        <dt className="font-medium text-slate-800">Not stored</dt>
        <dd>
          {t.refusals.length === 0 ? (
            "Nothing: everything it sent was accepted."
          ) : (
            <ul aria-label={`What ${t.name} sent that we did not store`} className="space-y-1">
              {t.refusals.map((r) => (
                <li key={`${r.category}-${r.reason}`}>
                  {refusalSentence(r)} First on{" "}
                  <time dateTime={r.firstAt.toISOString()}>{formatDateTime(r.firstAt)}</time>, last
                  on <time dateTime={r.lastAt.toISOString()}>{formatDateTime(r.lastAt)}</time>.
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
  const [{ category, stats }, tokens] = await Promise.all([
    loadCategory("access-tokens"),
    listMyAccessTokens(),
  ]);
  const now = new Date();
  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <div className="space-y-6">
        <Card title="Create a token" id="create">
          <p className="mb-4 text-sm text-slate-600">
            Your printers and Ultimaker Cura use a token to send data to your account. Developers
            can read <Link href="/developers/api">how the API works</Link>.
          </p>
          <TokenForm />
        </Card>
        <Card title="Your tokens" id="tokens">
          {tokens.length === 0 ? (
            <Empty>
              You have no access tokens. Create one above to let a printer or Ultimaker Cura send
              data to your account.
            </Empty>
          ) : (
            <ul className="divide-y divide-slate-100">
              {tokens.map((t) => (
                <TokenItem key={t.id} t={t} now={now} />
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
