/**
 * Round axis steps a person reads at a glance: 0, 50, 100, 150 °C rather than 0, 55, 110, 165.
 * Pure, so the server and the browser draw the same ticks.
 */

/** The smallest 1-2-2.5-5 × 10^n step that covers `span` in at most `maxTicks` steps. */
export function niceStep(span: number, maxTicks = 6): number {
  if (!(span > 0)) return 1;
  const raw = span / maxTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * power >= raw) return m * power;
  }
  return 10 * power;
}

/** Ticks from 0 up to the first multiple of `step` at or above `max`: [0, 50, …, 250]. */
export function ticksFromZero(max: number, step: number): number[] {
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 1e6; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

/** Temperature ticks: 50 °C steps (25 °C under 100 °C), always from 0. */
export function temperatureTicks(max: number): number[] {
  return ticksFromZero(max, max <= 100 ? 25 : 50);
}

/** Minute ticks for a print of `minutes`: 0, 30, 60, … in a round step. */
export function minuteTicks(minutes: number): number[] {
  const step = minutes <= 10 ? niceStep(minutes, 5) : pickMinuteStep(minutes);
  return ticksFromZero(minutes, step).filter((t) => t <= Math.max(minutes, step));
}

function pickMinuteStep(minutes: number): number {
  for (const s of [5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440]) {
    if (minutes / s <= 7) return s;
  }
  return niceStep(minutes, 7);
}
