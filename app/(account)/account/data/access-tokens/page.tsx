import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { DeleteButton } from "@/components/data/delete-button";
import { Empty } from "@/components/data/empty";
import { formatDateTime } from "@/components/data/format";
import { listMyAccessTokens } from "@/lib/dal/data/access-tokens";
import { revokeTokenAction } from "../actions";
import { loadCategory } from "../load";
import { TokenForm } from "./token-form";

export const metadata: Metadata = { title: "Access tokens" };

export default async function AccessTokensPage() {
  const [{ category, stats }, tokens] = await Promise.all([
    loadCategory("access-tokens"),
    listMyAccessTokens(),
  ]);
  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <div className="space-y-6">
        <Card title="Create a token" id="create">
          <TokenForm />
        </Card>
        <Card title="Your tokens" id="tokens">
          {tokens.length === 0 ? (
            <Empty>You have no access tokens.</Empty>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {tokens.map((t) => (
                <li key={t.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                  <div>
                    <p className="font-medium">
                      {t.name} <span className="font-mono text-slate-600">{t.prefix}…</span>
                      {t.revokedAt && (
                        <span className="ml-2 rounded bg-slate-200 px-2 text-xs">revoked</span>
                      )}
                    </p>
                    <p className="text-slate-700">
                      {t.kind === "cura" ? "Cura" : "Printer"} · {t.scopes.join(", ")}
                    </p>
                    <p className="text-slate-700">
                      Created {formatDateTime(t.createdAt)} · last used{" "}
                      {t.lastUsedAt
                        ? `${formatDateTime(t.lastUsedAt)} from ${t.lastUsedIp ?? "an unknown address"}`
                        : "never"}
                      {t.revokedAt && <> · revoked {formatDateTime(t.revokedAt)}</>}
                    </p>
                  </div>
                  {!t.revokedAt && (
                    <DeleteButton
                      action={revokeTokenAction.bind(null, t.id)}
                      label={`Revoke ${t.name}`}
                      confirmLabel="Revoke"
                      what={`The token "${t.name}" (${t.prefix}…) stops working at once; whatever uses it can no longer send data. The record of it is kept for 90 days.`}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
