"use client";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type TemperaturePoint = { minute: number; nozzle: number; bed: number };

/** Nozzle and bed temperature over the print. The page shows the same data as a table too. */
export function TemperatureChart({ points }: { points: TemperaturePoint[] }) {
  return (
    <figure aria-labelledby="temp-caption" className="h-72 w-full">
      <figcaption id="temp-caption" className="sr-only">
        Line chart of nozzle and build plate temperature in °C against minutes since the first
        sample. The table below lists the same values.
      </figcaption>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis
            dataKey="minute"
            unit=" min"
            type="number"
            domain={["dataMin", "dataMax"]}
            tick={{ fontSize: 12 }}
          />
          <YAxis unit="°C" tick={{ fontSize: 12 }} width={56} />
          <Tooltip
            formatter={(v) => `${Number(v).toFixed(1)} °C`}
            labelFormatter={(m) => `${m} min`}
          />
          <Legend />
          <Line
            type="monotone"
            dataKey="nozzle"
            name="Nozzle"
            stroke="#b91c1c"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="bed"
            name="Build plate"
            stroke="#1d4ed8"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
