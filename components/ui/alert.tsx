"use client";
import { useEffect, useRef, type ReactNode } from "react";

const tones = {
  error: "border-red-300 bg-red-50 text-red-900",
  success: "border-green-300 bg-green-50 text-green-900",
  info: "border-brand-100 bg-brand-50 text-slate-900",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
} as const;

/**
 * A message box. Errors are announced at once (role=alert); the rest politely. With `focus`,
 * it takes focus when it appears: the result of a form whose button was disabled while it
 * worked (focus would otherwise fall to <body>).
 */
export function Alert({
  tone = "info",
  focus = false,
  children,
}: {
  tone?: keyof typeof tones;
  focus?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div
      ref={ref}
      role={tone === "error" ? "alert" : "status"}
      tabIndex={focus ? -1 : undefined}
      className={`rounded-md border px-4 py-3 text-sm ${tones[tone]}`}
    >
      {children}
    </div>
  );
}
