import { useTranslations } from "next-intl";
import { isOverdue, overdueDays } from "@/lib/requests/clock";

/** "Overdue by N days" for an open request past its due date; nothing otherwise. */
export function OverdueBadge({ status, dueAt, now }: { status: string; dueAt: Date; now: Date }) {
  const t = useTranslations("support");
  if (!isOverdue({ status, dueAt }, now)) return null;
  return (
    <span className="ml-2 inline-block rounded-full border border-red-300 bg-red-50 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-red-800">
      {t("overdue", { days: overdueDays(dueAt, now) })}
    </span>
  );
}
