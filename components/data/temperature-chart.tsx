"use client";
import { useLocale, useTranslations } from "next-intl";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { minuteTicks, temperatureTicks } from "./chart-scale";
import { formatNumber } from "./format";

export type TemperaturePoint = { minute: number; nozzle: number; bed: number };
export type TemperatureTargets = { nozzle?: number | null; bed?: number | null };

/*
 * Colours are CSS variables set on the figure (Tailwind's palette, lighter in dark mode), so
 * the SVG follows the colour scheme without a hard-coded hex; text and grid use currentColor.
 */
const colours =
  "[--t-nozzle:var(--color-red-700)] [--t-bed:var(--color-blue-700)] [--t-grid:var(--color-slate-200)] dark:[--t-nozzle:var(--color-red-400)] dark:[--t-bed:var(--color-sky-400)] dark:[--t-grid:var(--color-slate-700)]";

/**
 * Nozzle and bed temperature over the print, with the set-points as dashed lines and round
 * ticks (0, 50, 100 … °C). The page has the same samples as a table; the caption summarises.
 */
export function TemperatureChart({
  points,
  targets = {},
}: {
  points: TemperaturePoint[];
  targets?: TemperatureTargets;
}) {
  const t = useTranslations("data.chart");
  const locale = useLocale() === "nl" ? "nl" : "en";
  const n = (v: number, digits = 0) =>
    formatNumber(v, locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const max = Math.max(
    0,
    ...points.flatMap((p) => [p.nozzle, p.bed]),
    targets.nozzle ?? 0,
    targets.bed ?? 0,
  );
  const yTicks = temperatureTicks(max);
  const minutes = points.at(-1)?.minute ?? 0;
  const xTicks = minuteTicks(minutes);
  const peak = (k: "nozzle" | "bed") => Math.max(...points.map((p) => p[k]));
  const summary = t("tempSummary", {
    minutes: n(minutes),
    nozzle: n(peak("nozzle")),
    bed: n(peak("bed")),
  });
  const setPoints = [
    targets.nozzle != null ? t("nozzleTarget", { value: n(targets.nozzle) }) : null,
    targets.bed != null ? t("bedTarget", { value: n(targets.bed) }) : null,
  ].filter(Boolean);
  return (
    <figure aria-labelledby="temp-caption" className={`w-full ${colours}`}>
      <figcaption id="temp-caption" className="sr-only">
        {t("tempCaption")} {summary} {setPoints.join(". ")}
      </figcaption>
      <div className="h-72 w-full text-slate-700 dark:text-slate-300">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="var(--t-grid)" />
            <XAxis
              dataKey="minute"
              type="number"
              domain={[0, Math.max(minutes, xTicks.at(-1) ?? 0)]}
              ticks={xTicks}
              tickFormatter={(m: number) => n(m)}
              tick={{ fontSize: 12, fill: "currentColor" }}
              stroke="currentColor"
              label={{
                value: t("minutes"),
                position: "insideBottomRight",
                offset: -4,
                fontSize: 12,
                fill: "currentColor",
              }}
              height={40}
            />
            <YAxis
              type="number"
              domain={[0, yTicks.at(-1) ?? 0]}
              ticks={yTicks}
              tickFormatter={(v: number) => `${n(v)} °C`}
              tick={{ fontSize: 12, fill: "currentColor" }}
              stroke="currentColor"
              width={60}
            />
            <Tooltip
              formatter={(v) => `${n(Number(v), 1)} °C`}
              labelFormatter={(m) => t("atMinute", { minute: n(Number(m), 1) })}
              contentStyle={{ color: "var(--color-slate-900)" }}
            />
            <Legend wrapperStyle={{ color: "currentColor" }} />
            {targets.nozzle != null && (
              <ReferenceLine
                y={targets.nozzle}
                stroke="var(--t-nozzle)"
                strokeDasharray="6 4"
                ifOverflow="extendDomain"
                label={{
                  value: t("nozzleTarget", { value: n(targets.nozzle) }),
                  position: "insideTopRight",
                  fontSize: 12,
                  fill: "currentColor",
                }}
              />
            )}
            {targets.bed != null && (
              <ReferenceLine
                y={targets.bed}
                stroke="var(--t-bed)"
                strokeDasharray="6 4"
                ifOverflow="extendDomain"
                label={{
                  value: t("bedTarget", { value: n(targets.bed) }),
                  position: "insideTopRight",
                  fontSize: 12,
                  fill: "currentColor",
                }}
              />
            )}
            <Line
              type="monotone"
              dataKey="nozzle"
              name={t("nozzle")}
              stroke="var(--t-nozzle)"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="bed"
              name={t("bed")}
              stroke="var(--t-bed)"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
