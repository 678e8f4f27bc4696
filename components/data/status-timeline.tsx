"use client";
import { STATUS_ORDER } from "./printer-status";
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatDateTime, formatDayMonth } from "@/lib/format";

export type StatusPoint = { t: number; level: number; status: string };

/** A printer's status as a step line over time; the page lists the same changes in a table. */
export function StatusTimeline({ points }: { points: StatusPoint[] }) {
  return (
    <figure aria-labelledby="timeline-caption" className="h-56 w-full">
      <figcaption id="timeline-caption" className="sr-only">
        Step chart of the printer&apos;s status over time. The table below lists every change.
      </figcaption>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(t: number) => formatDayMonth(t)}
            tick={{ fontSize: 12 }}
          />
          <YAxis
            type="number"
            domain={[0, STATUS_ORDER.length - 1]}
            ticks={STATUS_ORDER.map((_, i) => i)}
            tickFormatter={(i: number) => STATUS_ORDER[i] ?? ""}
            width={90}
            tick={{ fontSize: 12 }}
          />
          <Tooltip
            labelFormatter={(t) => formatDateTime(Number(t))}
            formatter={(_v, _n, item) => [(item.payload as StatusPoint).status, "Status"]}
          />
          <Line
            type="stepAfter"
            dataKey="level"
            stroke="#0f766e"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
