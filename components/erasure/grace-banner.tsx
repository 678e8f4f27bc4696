import { KeepAccountButton } from "@/components/erasure/keep-account-button";
import { formatLongDateTime } from "@/lib/format";
import type { ActionResult } from "@/lib/actions";

/** On every account page while the account is scheduled for deletion. */
export function GraceBanner({
  scheduledFor,
  reference,
  started,
  keep,
}: {
  scheduledFor: Date;
  reference: string;
  /** The erasure is running: too late to keep the account. */
  started: boolean;
  keep: () => Promise<ActionResult>;
}) {
  return (
    <section
      aria-labelledby="grace-banner-title"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950"
    >
      <h2 id="grace-banner-title" className="text-base font-semibold">
        Your account will be deleted on {formatLongDateTime(scheduledFor)}
      </h2>
      <p className="text-sm">
        You asked us to delete it (request {reference}).{" "}
        {started
          ? "The deletion has started and can no longer be stopped."
          : "Until then it is locked: you can look at and download your data, but not change it. Changed your mind?"}
      </p>
      {!started && <KeepAccountButton action={keep} />}
    </section>
  );
}
