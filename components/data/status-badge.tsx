"use client";
import { useEffect, useState } from "react";

const tones: Record<string, string> = {
  printing: "bg-emerald-100 text-emerald-900",
  idle: "bg-slate-100 text-slate-800",
  paused: "bg-amber-100 text-amber-900",
  queued: "bg-amber-100 text-amber-900",
  error: "bg-red-100 text-red-900",
  failed: "bg-red-100 text-red-900",
  aborted: "bg-red-50 text-red-900",
  maintenance: "bg-sky-100 text-sky-900",
  finished: "bg-sky-100 text-sky-900",
  offline: "bg-slate-200 text-slate-800",
};

/**
 * A printer's or print job's status as a small coloured label. When a live refresh brings a
 * new status, a ring marks it for a few seconds; the ring fades in only for people who have
 * not asked their system for reduced motion. The text alone carries the meaning.
 */
export function StatusBadge({
  status,
  label = status,
}: {
  status: string;
  /** The status in words (catalogValue); the stored value picks the colour only. */
  label?: string;
}) {
  const [shown, setShown] = useState(status);
  const [changed, setChanged] = useState(false);
  if (shown !== status) {
    setShown(status);
    setChanged(true);
  }
  useEffect(() => {
    if (!changed) return;
    const timer = setTimeout(() => setChanged(false), 4000);
    return () => clearTimeout(timer);
  }, [changed]);
  return (
    <span
      className={`inline-block rounded px-2 text-sm font-medium ${tones[status] ?? tones.idle} ${changed ? "ring-2 ring-amber-500" : "ring-0"} motion-safe:transition-shadow motion-safe:duration-700`}
    >
      {label}
    </span>
  );
}
