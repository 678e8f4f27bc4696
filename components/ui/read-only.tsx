"use client";
import { useTranslations } from "next-intl";
import { createContext, useContext, type FieldsetHTMLAttributes, type ReactNode } from "react";

/** Who is looking at whose account when this browser is in a support view; null otherwise. */
export type ReadOnlyView = { holderName: string } | null;

const ReadOnlyContext = createContext<ReadOnlyView>(null);
/** True inside a ReadOnlyFieldset, which says the reason once for everything in it. */
const ReasonShownContext = createContext(false);

/**
 * Set once, around every page, by components/support/read-only-boundary.tsx (a server component
 * that knows the session). Submit buttons and fields in components/ui read it, so every form is
 * visibly disabled in a support view before anyone tries to submit it. The server refuses the
 * write anyway (requireWritable); this only stops the page from looking editable.
 */
export function ReadOnlyProvider({
  value,
  children,
}: {
  value: ReadOnlyView;
  children: ReactNode;
}) {
  return <ReadOnlyContext.Provider value={value}>{children}</ReadOnlyContext.Provider>;
}

/** The support view this page is shown in, or null. For forms built without components/ui. */
export function useReadOnly(): ReadOnlyView {
  return useContext(ReadOnlyContext);
}

/** True inside a ReadOnlyFieldset: its reason line already covers the controls in it. */
export function useReasonShownAbove(): boolean {
  return useContext(ReasonShownContext);
}

/** "Read-only: you are viewing Sanne's account as support", or null outside a support view. */
export function useReadOnlyReason(): string | null {
  const view = useReadOnly();
  const t = useTranslations("support.readOnly");
  return view ? t("reason", { name: view.holderName }) : null;
}

/** The reason line, for a form that does not use components/ui's Button. */
export function ReadOnlyReason({ id }: { id?: string }) {
  const reason = useReadOnlyReason();
  const shownAbove = useContext(ReasonShownContext);
  if (!reason || shownAbove) return null;
  return (
    <span id={id} className="block text-sm font-medium text-amber-900">
      {reason}
    </span>
  );
}

/**
 * The house form's `<fieldset disabled={isSubmitting}>`, also disabled in a support view: every
 * control inside it (raw checkboxes, switches, textareas, buttons) is then disabled by the
 * browser, and the reason is shown once at its end. A drop-in for forms not built on TextField.
 */
export function ReadOnlyFieldset({
  disabled = false,
  children,
  ...props
}: FieldsetHTMLAttributes<HTMLFieldSetElement>) {
  const view = useReadOnly();
  return (
    <fieldset {...props} disabled={disabled || view !== null}>
      <ReasonShownContext.Provider value={true}>{children}</ReasonShownContext.Provider>
      <ReadOnlyReason />
    </fieldset>
  );
}
