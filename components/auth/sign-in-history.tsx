import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/i18n/local-time";
import { deviceInWords } from "./device-words";
import { NotMeButton } from "./not-me-button";

const REASONS = [
  "ok",
  "bad_password",
  "throttled",
  "unverified",
  "reset_required",
  "reauth_failed",
] as const;
type Reason = (typeof REASONS)[number];
const isReason = (r: string): r is Reason => (REASONS as readonly string[]).includes(r);

/** Sign-ins of the last day read best as "3 hours ago"; older ones by their date. */
const RECENT_MS = 24 * 60 * 60 * 1000;

export type SignInRow = {
  id: number;
  occurredAt: Date;
  ip: string | null;
  device: string;
  outcome: "success" | "failure";
  reason: string;
  current: boolean;
};

/**
 * Sign-in attempts, newest first, with "this wasn't me" on other successful sign-ins. A list of
 * rows that line up as columns on wide screens and stack on a phone (no sideways scrolling).
 */
export function SignInHistory({ items, now }: { items: SignInRow[]; now: number }) {
  const t = useTranslations("security.history");
  const tDevice = useTranslations("security.device");
  return (
    <ul aria-label={t("listLabel")} className="divide-y divide-slate-100 text-sm">
      {items.map((e) => {
        const device = deviceInWords(e.device, tDevice);
        const recent = now - new Date(e.occurredAt).getTime() < RECENT_MS;
        return (
          <li
            key={e.id}
            className="grid gap-x-4 gap-y-1 py-3 sm:grid-cols-[9rem_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-baseline"
          >
            <LocalTime
              value={e.occurredAt}
              style={recent ? "ago" : "dateTime"}
              now={now}
              className="font-medium"
            />
            <span className={e.outcome === "failure" ? "text-red-800" : undefined}>
              {t(`reason.${isReason(e.reason) ? e.reason : "other"}`)}
              {e.current && ` (${t("thisSession")})`}
            </span>
            <span className="min-w-0 break-words">
              <span className="sr-only">{t("device")}: </span>
              {device}
              <span className="block text-slate-600">
                <span className="sr-only">{t("address")}: </span>
                <span className="font-mono break-all">{e.ip ?? "—"}</span>
              </span>
            </span>
            <span>
              {e.outcome === "success" && !e.current && (
                <NotMeButton eventId={e.id} label={`${device}, ${e.ip ?? "—"}`} />
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
