"use client";
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
  return (
    <figure aria-labelledby="signins-caption" className="h-64 w-full">
      <figcaption id="signins-caption" className="sr-only">
        Bar chart of successful and failed sign-ins per week. The table below lists the same
        numbers.
      </figcaption>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={weeks} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="week" tick={{ fontSize: 11 }} tickFormatter={(w: string) => w.slice(5)} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={32} />
          <Tooltip labelFormatter={(w) => `Week of ${w}`} />
          <Legend />
          <Bar
            dataKey="success"
            name="Signed in"
            stackId="a"
            fill="#0f766e"
            isAnimationActive={false}
          />
          <Bar
            dataKey="failure"
            name="Failed"
            stackId="a"
            fill="#b91c1c"
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
