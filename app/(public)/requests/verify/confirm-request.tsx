"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { confirmPublicRequestAction } from "../actions";

/**
 * Confirms only on a press: a mail scanner that opens the link on its own must not start the
 * request (nor use up the link). Then on to the tracker.
 */
export function ConfirmRequest({ token }: { token: string }) {
  const t = useTranslations("requests.verify");
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const confirm = () =>
    start(async () => {
      const result = await confirmPublicRequestAction(token);
      if (result.ok) router.push(result.data.trackerPath);
      else setError(result.formError ?? t("failed"));
    });
  return (
    <div className="space-y-3">
      {error && <Alert tone="error">{error}</Alert>}
      <Button disabled={pending || !hydrated} onClick={confirm}>
        {pending ? t("working") : t("confirm")}
      </Button>
    </div>
  );
}
