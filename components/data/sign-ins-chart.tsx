"use client";
import { useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type WeekPoint = { week: string; success: number; failure: number };

/** Sign-ins per week, stacked by outcome. The page has the same numbers as a table. */
export function SignInsChart({ weeks }: { weeks: WeekPoint[] }) {
  const t = useTranslations("data.chart");
  return (
    <figure
      aria-labelledby="signins-caption"
      className="h-64 w-full text-slate-700 [--s-fail:var(--color-red-700)] [--s-grid:var(--color-slate-200)] [--s-ok:var(--color-teal-700)] dark:text-slate-300 dark:[--s-fail:var(--color-red-400)] dark:[--s-grid:var(--color-slate-700)] dark:[--s-ok:var(--color-teal-400)]"
    >
      <figcaption id="signins-caption" className="sr-only">
        {t("signInsCaption")}
      </figcaption>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={weeks} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="var(--s-grid)" vertical={false} />
          <XAxis
            dataKey="week"
            tick={{ fontSize: 11, fill: "currentColor" }}
            tickFormatter={(w: string) => w.slice(5)}
          />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "currentColor" }} width={32} />
          <Tooltip labelFormatter={(w) => t("weekOf", { week: String(w) })} />
          <Legend />
          <Bar
            dataKey="success"
            name={t("signedIn")}
            stackId="a"
            fill="var(--s-ok)"
            isAnimationActive={false}
          />
          <Bar
            dataKey="failure"
            name={t("failed")}
            stackId="a"
            fill="var(--s-fail)"
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
