import { formatDateTime } from "@/lib/format";
import { eventLabel, WHO_TEXT, type TimelineWho } from "@/lib/requests/kinds";

export type TimelineEntry = {
  id: number;
  kind: string;
  who: TimelineWho;
  note: string | null;
  occurredAt: Date;
};

/** A request's history, oldest first: what happened, who did it, when, and what they wrote. */
export function RequestTimeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-700">Nothing yet.</p>;
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4" aria-label="Timeline">
      {entries.map((e) => (
        <li key={e.id} className="space-y-1">
          <p className="text-sm">
            <span className="font-medium">{eventLabel(e.kind)}</span>
            <span className="text-slate-700">
              {" "}
              · {WHO_TEXT[e.who]} ·{" "}
              <time dateTime={e.occurredAt.toISOString()}>{formatDateTime(e.occurredAt)}</time>
            </span>
          </p>
          {e.note && (
            <p className="rounded-md bg-slate-50 p-2 text-sm whitespace-pre-wrap text-slate-900">
              {e.note}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
