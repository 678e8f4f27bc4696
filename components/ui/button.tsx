"use client";
import { useId, type ButtonHTMLAttributes } from "react";
import { ReadOnlyReason, useReadOnly, useReasonShownAbove } from "./read-only";

const styles = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-slate-400",
  secondary:
    "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400",
} as const;

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof styles;
  /**
   * A submit (or a button without a type, which submits or acts) changes something, so in a
   * support view it is disabled with the reason beside it. A button that changes nothing (a
   * filter, "Try again") says so with this flag, or with type="button".
   */
  allowInReadOnly?: boolean;
};

export function Button({
  variant = "primary",
  className = "",
  allowInReadOnly = false,
  ...props
}: ButtonProps) {
  const view = useReadOnly();
  const reasonId = useId();
  const shownAbove = useReasonShownAbove();
  const classes = `inline-flex min-h-10 items-center justify-center rounded-md px-4 py-2 text-sm font-medium disabled:cursor-not-allowed ${styles[variant]} ${className}`;
  const blocked = view !== null && !allowInReadOnly && props.type !== "button";
  if (!blocked) return <button {...props} className={classes} />;
  if (shownAbove) return <button {...props} disabled className={classes} />;
  return (
    <span className="inline-flex max-w-full flex-col items-start gap-1">
      <button
        {...props}
        disabled
        aria-describedby={[props["aria-describedby"], reasonId].filter(Boolean).join(" ")}
        className={classes}
      />
      <ReadOnlyReason id={reasonId} />
    </span>
  );
}
