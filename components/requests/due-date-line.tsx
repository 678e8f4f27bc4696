import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/i18n/local-time";

const DAY_MS = 86_400_000;

/**
 * When the answer is due, in one sentence: "We answer by 5 Jan 2027 (due in 12 days)", the
 * extension and its reason when there was one, "overdue" while open and late, the closing date
 * once closed. Dates in the viewer's zone (LocalTime, UTC in the title); the day count is
 * the server's, rendered once (this is a server component, nothing to hydrate).
 */
export function DueDateLine({
  request: r,
  now = new Date(),
}: {
  request: {
    dueAt: Date;
    open: boolean;
    overdue: boolean;
    extendedAt: Date | null;
    extensionReason: string | null;
    closedAt: Date | null;
  };
  now?: Date;
}) {
  const t = useTranslations("requests.due");
  const due = <LocalTime value={r.dueAt} style="date" />;
  if (!r.open) {
    return (
      <p className="text-sm text-slate-700">
        {t.rich("closed", {
          closed: () => <LocalTime value={r.closedAt} />,
          due: () => due,
        })}
      </p>
    );
  }
  const days = Math.ceil((r.dueAt.getTime() - now.getTime()) / DAY_MS);
  const left = days >= 0 ? t("left", { days }) : t("late", { days: -days });
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <div className="space-y-1 text-sm">
      {r.extendedAt ? (
        <p>
          {r.extensionReason
            ? t.rich("extendedBecause", {
                due: () => due,
                left,
                reason: r.extensionReason,
                on: () => <LocalTime value={r.extendedAt} style="date" />,
                strong,
              })
            : t.rich("extended", {
                due: () => due,
                left,
                on: () => <LocalTime value={r.extendedAt} style="date" />,
                strong,
              })}
        </p>
      ) : (
        <p>{t.rich("answerBy", { due: () => due, left, strong })}</p>
      )}
      {r.overdue && (
        <p className="font-medium text-red-800">
          {t.rich("overdue", { due: () => <LocalTime value={r.dueAt} /> })}
        </p>
      )}
    </div>
  );
}
