import { isOverdue, overdueDays } from "@/lib/requests/clock";

/** "Overdue by N days" for an open request past its due date; nothing otherwise. */
export function OverdueBadge({ status, dueAt, now }: { status: string; dueAt: Date; now: Date }) {
  if (!isOverdue({ status, dueAt }, now)) return null;
  const days = overdueDays(dueAt, now);
  return (
    <span className="ml-2 inline-block rounded-full border border-red-300 bg-red-50 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-red-800">
      Overdue by {days} {days === 1 ? "day" : "days"}
    </span>
  );
}
