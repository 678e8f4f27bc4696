"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { endImpersonationAction } from "@/app/(support)/support/actions";

function left(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Time left in the support view, and the way out. At zero the view ends by itself. */
export function BannerCountdown({ expiresAt }: { expiresAt: string }) {
  const t = useTranslations("support.banner");
  const end = new Date(expiresAt).getTime();
  const [now, setNow] = useState<number | null>(null);
  const [pending, start] = useTransition();
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, []);
  const over = now !== null && now >= end;
  useEffect(() => {
    if (over) start(() => endImpersonationAction());
  }, [over]);
  return (
    <div className="flex items-center gap-3">
      {/* role=timer is not announced every second; the label says what it is. */}
      <span
        role="timer"
        aria-label={t("timerLabel")}
        className="font-mono text-sm font-semibold tabular-nums"
      >
        {now === null ? "" : over ? t("timeUp") : t("left", { time: left(end - now) })}
      </span>
      <button
        type="button"
        disabled={pending}
        onClick={() => start(() => endImpersonationAction())}
        className="min-h-10 rounded-md bg-slate-950 px-4 py-2 text-sm font-medium text-white hover:bg-slate-800 disabled:bg-slate-600"
      >
        {pending ? t("ending") : t("end")}
      </button>
    </div>
  );
}
