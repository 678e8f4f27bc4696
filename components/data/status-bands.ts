/** A stretch of time a printer spent in one status. */
export type Band = { status: string; from: number; to: number };

/**
 * Status changes (oldest first) as bands: each status lasts until the next change, the last
 * one until `now`. Bands before `since` are cut at `since`, so the chart covers one window.
 */
export function statusBands(
  events: { t: number; status: string }[],
  now: number,
  since = Number.NEGATIVE_INFINITY,
): Band[] {
  const bands: Band[] = [];
  events.forEach((e, i) => {
    const to = Math.min(events[i + 1]?.t ?? now, now);
    const from = Math.max(e.t, since);
    if (to <= from) return;
    const last = bands.at(-1);
    if (last && last.status === e.status && last.to === from) last.to = to;
    else bands.push({ status: e.status, from, to });
  });
  return bands;
}

/** Seconds spent in each status, most first. */
export function timePerStatus(bands: Band[]): { status: string; seconds: number }[] {
  const total = new Map<string, number>();
  for (const b of bands) total.set(b.status, (total.get(b.status) ?? 0) + (b.to - b.from) / 1000);
  return [...total]
    .map(([status, seconds]) => ({ status, seconds }))
    .sort((a, b) => b.seconds - a.seconds);
}

/** Midnight-aligned (UTC) day ticks across [from, to], at most `max` of them. */
export function dayTicks(from: number, to: number, max = 6): number[] {
  const DAY = 86_400_000;
  const days = Math.max(1, Math.ceil((to - from) / DAY));
  const every = Math.max(1, Math.ceil(days / max));
  const first = Math.ceil(from / DAY) * DAY;
  const ticks: number[] = [];
  for (let t = first; t <= to; t += every * DAY) ticks.push(t);
  return ticks;
}
