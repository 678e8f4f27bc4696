import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/i18n/local-time";
import { catalogValue } from "@/lib/catalog/i18n";
import { getViewerFormat } from "@/lib/i18n/server";
import { STATUS_ORDER } from "./printer-status";
import { dayTicks, statusBands, timePerStatus } from "./status-bands";

/** One colour per status, from Tailwind's palette, a shade lighter in dark mode. */
const fills: Record<string, string> = {
  printing: "bg-emerald-600 dark:bg-emerald-500",
  idle: "bg-slate-400 dark:bg-slate-500",
  paused: "bg-amber-400 dark:bg-amber-300",
  error: "bg-red-600 dark:bg-red-400",
  maintenance: "bg-sky-600 dark:bg-sky-400",
  offline: "bg-slate-200 dark:bg-slate-700",
};

/**
 * A printer's status over time as coloured bands on one line (a printer is in one state at
 * a time), with a legend that also says how long it spent in each state: the legend is the
 * text alternative, and the page lists every change in a table below. Plain HTML, rendered on
 * the server: no chart library, nothing that can differ when it hydrates; tick dates go
 * through <LocalTime>, so they are the viewer's days.
 */
export async function StatusTimeline({
  events,
  now = new Date(),
}: {
  /** Status changes, oldest first. */
  events: { t: number; status: string }[];
  now?: Date;
}) {
  const t = await getTranslations("data.timeline");
  const f = await getViewerFormat();
  const end = now.getTime();
  const start = events[0]?.t ?? end;
  const span = Math.max(1, end - start);
  const bands = statusBands(events, end);
  const totals = timePerStatus(bands);
  const label = (s: string) => catalogValue("printerStatus", s, f.locale);
  const pct = (v: number) => `${(((v - start) / span) * 100).toFixed(3)}%`;
  const order = (s: string) => -STATUS_ORDER.indexOf(s as (typeof STATUS_ORDER)[number]);
  const summary = totals
    .map((x) => t("share", { status: label(x.status), duration: f.duration(x.seconds) }))
    .join("; ");
  return (
    <figure aria-labelledby="timeline-caption" className="space-y-3">
      <figcaption id="timeline-caption" className="text-sm text-slate-700">
        {t.rich("caption", {
          from: () => <LocalTime value={start} style="date" />,
          to: () => <LocalTime value={end} style="date" />,
        })}
      </figcaption>
      <div
        role="img"
        aria-label={t("summary", { summary })}
        className="relative h-10 w-full overflow-hidden rounded-md bg-slate-100 dark:bg-slate-800"
      >
        {bands.map((b) => (
          <div
            key={b.from}
            className={`absolute inset-y-0 ${fills[b.status] ?? fills.idle}`}
            style={{ left: pct(b.from), width: pct(start + (b.to - b.from)) }}
            title={`${label(b.status)}: ${f.dateTime(b.from)} – ${f.dateTime(b.to)}`}
          />
        ))}
      </div>
      <div className="relative h-5 overflow-hidden text-xs text-slate-700" aria-hidden="true">
        {/* Ticks too close to an edge would be cut off; the caption gives the whole range. */}
        {dayTicks(start, end)
          .filter((d) => (d - start) / span > 0.06 && (d - start) / span < 0.94)
          .map((d) => (
            <span
              key={d}
              className="absolute -translate-x-1/2 whitespace-nowrap"
              style={{ left: pct(d) }}
            >
              <LocalTime value={d} style="dayMonth" />
            </span>
          ))}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t("legend")}>
        {[...totals]
          .sort((a, b) => order(a.status) - order(b.status))
          .map((x) => (
            <li key={x.status} className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className={`inline-block size-3 rounded-sm ${fills[x.status] ?? fills.idle}`}
              />
              <span>
                {label(x.status)}: {f.duration(x.seconds)}
              </span>
            </li>
          ))}
      </ul>
    </figure>
  );
}
