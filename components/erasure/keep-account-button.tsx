"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";

/** The banner's "Keep my account": cancels the pending erasure and shows the account again. */
export function KeepAccountButton({ action }: { action: () => Promise<ActionResult> }) {
  const t = useTranslations("rights.banner");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <Button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await action();
            if (result.ok) router.refresh();
            else setError(result.formError ?? t("keepFailed"));
          })
        }
      >
        {t("keep")}
      </Button>
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
