import { KeepAccountButton } from "@/components/erasure/keep-account-button";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/i18n/local-time";
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
  const t = useTranslations("rights.banner");
  return (
    <section
      aria-labelledby="grace-banner-title"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950"
    >
      <h2 id="grace-banner-title" className="text-base font-semibold">
        {t.rich("title", { when: () => <LocalTime value={scheduledFor} /> })}
      </h2>
      <p className="text-sm">
        {t("asked", { reference })} {started ? t("started") : t("locked")}
      </p>
      {!started && <KeepAccountButton action={keep} />}
    </section>
  );
}
