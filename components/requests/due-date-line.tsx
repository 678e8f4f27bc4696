import { formatDate, formatDateTime } from "@/lib/format";

/**
 * When the answer is due, in one sentence: the extension and its reason when there was one,
 * "overdue" while open and late, the closing date once closed. Dates are UTC text from
 * lib/format.ts, so the server's and the browser's rendering always match.
 */
export function DueDateLine({
  request: r,
}: {
  request: {
    dueAt: Date;
    open: boolean;
    overdue: boolean;
    extendedAt: Date | null;
    extensionReason: string | null;
    closedAt: Date | null;
  };
}) {
  if (!r.open) {
    return (
      <p className="text-sm text-slate-700">
        Closed on {formatDateTime(r.closedAt)}. It was due by {formatDate(r.dueAt)}.
      </p>
    );
  }
  return (
    <div className="space-y-1 text-sm">
      {r.extendedAt ? (
        <p>
          Due date extended to <strong>{formatDate(r.dueAt)}</strong>
          {r.extensionReason ? ` because ${r.extensionReason}` : ""} (on {formatDate(r.extendedAt)}
          ).
        </p>
      ) : (
        <p>
          We answer by <strong>{formatDate(r.dueAt)}</strong>.
        </p>
      )}
      {r.overdue && (
        <p className="font-medium text-red-800">
          This request is overdue: the answer should have come by {formatDateTime(r.dueAt)}.
        </p>
      )}
    </div>
  );
}
