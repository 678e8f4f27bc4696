import { useTranslations } from "next-intl";
import { requestWord } from "./words";

const tones: Record<string, string> = {
  received: "border-slate-300 bg-slate-50 text-slate-900",
  in_progress: "border-blue-300 bg-blue-50 text-blue-900",
  extended: "border-amber-300 bg-amber-50 text-amber-950",
  completed: "border-green-300 bg-green-50 text-green-900",
  denied: "border-red-300 bg-red-50 text-red-900",
  cancelled: "border-slate-300 bg-white text-slate-700",
};

/** A request's status in words; for the holder, the staff queue and the dossier alike. */
export function RequestStatusBadge({ status }: { status: string }) {
  const t = useTranslations("requests");
  return (
    <span
      className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium ${tones[status] ?? tones.received}`}
    >
      {requestWord(t, "status", status)}
    </span>
  );
}

/** Shown beside the status while an open request is past its due date. */
export function OverdueMarker() {
  const t = useTranslations("requests");
  return (
    <span className="inline-block rounded-full border border-red-300 bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-900">
      {t("overdue")}
    </span>
  );
}
