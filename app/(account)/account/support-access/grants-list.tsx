"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { LocalTime } from "@/components/i18n/local-time";
import { useMessageText } from "@/components/i18n/message-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SupportGrantDTO } from "@/lib/dal/support/grants";
import { revokeSupportAccessAction } from "./actions";

type Message = { tone: "success"; ticket: string } | { tone: "error"; text: string };

export function GrantsList({ grants, empty }: { grants: SupportGrantDTO[]; empty: string }) {
  const t = useTranslations("security.supportAccess");
  const text = useMessageText();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<Message | null>(null);
  if (grants.length === 0 && !message) return <p className="text-sm text-slate-700">{empty}</p>;
  return (
    <div className="space-y-4">
      {message && (
        <Alert tone={message.tone}>
          {message.tone === "success"
            ? t("withdrawnMessage", { ticket: message.ticket })
            : message.text}
        </Alert>
      )}
      <ul className="divide-y divide-slate-200">
        {grants.map((g) => (
          <li key={g.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
            <div className="min-w-0">
              <p className="font-medium break-words">{t("ticketLabel", { ticket: g.ticketRef })}</p>
              <p className="text-slate-600">
                {t("given")} <LocalTime value={g.createdAt} /> ·{" "}
                {g.revokedAt ? (
                  <>
                    {t("withdrawn")} <LocalTime value={g.revokedAt} />
                  </>
                ) : (
                  <>
                    {g.active ? t("until") : t("ended")} <LocalTime value={g.expiresAt} />
                  </>
                )}
              </p>
            </div>
            {g.active && (
              <Button
                variant="danger"
                disabled={pending}
                aria-label={t("withdrawLabel", { ticket: g.ticketRef })}
                onClick={() =>
                  start(async () => {
                    const r = await revokeSupportAccessAction(g.id);
                    setMessage(
                      r.ok
                        ? { tone: "success", ticket: g.ticketRef }
                        : { tone: "error", text: text(r.formError) ?? "" },
                    );
                  })
                }
              >
                {t("withdraw")}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
