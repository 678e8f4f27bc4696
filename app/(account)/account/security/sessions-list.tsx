"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { deviceInWords } from "@/components/auth/device-words";
import { LocalTime } from "@/components/i18n/local-time";
import { useMessageText } from "@/components/i18n/message-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SessionDTO } from "@/lib/dal/sessions";
import { revokeOtherSessionsAction, revokeSessionAction } from "../actions";

/** Sessions of the last day read best as "3 hours ago"; older ones by their date. */
const RECENT_MS = 24 * 60 * 60 * 1000;

type Message =
  | { tone: "success"; kind: "one"; device: string }
  | { tone: "success"; kind: "others"; count: number }
  | { tone: "error"; text: string };

export function SessionsList({ sessions, now }: { sessions: SessionDTO[]; now: number }) {
  const t = useTranslations("security.sessions");
  const tDevice = useTranslations("security.device");
  const text = useMessageText();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<Message | null>(null);
  const others = sessions.filter((s) => !s.current).length;
  const when = (d: Date) => (
    <LocalTime
      value={d}
      style={now - new Date(d).getTime() < RECENT_MS ? "ago" : "dateTime"}
      now={now}
    />
  );
  return (
    <div className="space-y-4">
      {message && (
        <Alert tone={message.tone}>
          {message.tone === "error"
            ? message.text
            : message.kind === "one"
              ? t("signedOutOne", { device: message.device })
              : t("signedOutOthers", { count: message.count })}
        </Alert>
      )}
      <ul className="divide-y divide-slate-200">
        {sessions.map((s) => {
          const device = deviceInWords(s.device, tDevice);
          const ip = s.ip ?? t("unknownAddress");
          return (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0 text-sm">
                <p className="font-medium break-words">
                  {device}{" "}
                  {s.current && (
                    <span className="ml-1 rounded bg-green-100 px-2 py-0.5 text-xs text-green-900">
                      {t("thisDevice")}
                    </span>
                  )}
                </p>
                <p className="text-slate-600">
                  <span className="sr-only">{t("address")}: </span>
                  <span className="font-mono break-all">{ip}</span>
                </p>
                <p className="text-slate-600">
                  {t("signedIn")} {when(s.createdAt)} · {t("lastActive")} {when(s.lastSeenAt)}
                </p>
              </div>
              {!s.current && (
                <Button
                  variant="secondary"
                  disabled={pending}
                  aria-label={t("signOutLabel", { device, ip })}
                  onClick={() =>
                    start(async () => {
                      const r = await revokeSessionAction(s.id);
                      setMessage(
                        r.ok
                          ? { tone: "success", kind: "one", device }
                          : { tone: "error", text: text(r.formError) ?? "" },
                      );
                    })
                  }
                >
                  {t("signOut")}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {others > 0 && (
        <Button
          variant="danger"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await revokeOtherSessionsAction();
              setMessage(
                r.ok
                  ? { tone: "success", kind: "others", count: r.data.ended }
                  : { tone: "error", text: text(r.formError) ?? "" },
              );
            })
          }
        >
          {t("signOutOthers")}
        </Button>
      )}
    </div>
  );
}
