import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/i18n/local-time";
import type { TimelineWho } from "@/lib/requests/kinds";
import { requestWord } from "./words";

export type TimelineEntry = {
  id: number;
  kind: string;
  who: TimelineWho;
  note: string | null;
  occurredAt: Date;
};

/** A request's history, oldest first: what happened, who did it, when, and what they wrote. */
export function RequestTimeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useTranslations("requests");
  if (entries.length === 0) return <p className="text-sm text-slate-700">{t("tracker.nothing")}</p>;
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4" aria-label={t("tracker.timeline")}>
      {entries.map((e) => (
        <li key={e.id} className="space-y-1">
          <p className="text-sm">
            <span className="font-medium">{requestWord(t, "event", e.kind)}</span>
            <span className="text-slate-700">
              {" "}
              · {t(`who.${e.who}`)} · <LocalTime value={e.occurredAt} />
            </span>
          </p>
          {e.note && (
            <p className="rounded-md bg-slate-50 p-2 text-sm break-words whitespace-pre-wrap text-slate-900">
              {e.note}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
