"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";

/**
 * The page an emailed link opens. It acts only when the person presses the button: mail
 * scanners that open links on their own must not use up a single-use link.
 */
export function LinkConfirm({
  token,
  action,
  label,
  done,
  doneLink,
}: {
  token: string;
  action: (token: string) => Promise<ActionResult>;
  label: string;
  done: string;
  doneLink: { href: string; label: string };
}) {
  const t = useTranslations("auth.link");
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  if (result?.ok) {
    return (
      <div className="space-y-3">
        <Alert tone="success">{done}</Alert>
        <Link href={doneLink.href}>{doneLink.label}</Link>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {result && !result.ok && <Alert tone="error">{result.formError}</Alert>}
      <Button disabled={pending} onClick={() => start(async () => setResult(await action(token)))}>
        {pending ? t("working") : label}
      </Button>
    </div>
  );
}
