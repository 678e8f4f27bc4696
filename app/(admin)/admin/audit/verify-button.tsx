"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useMessageText } from "@/components/i18n/message-text";
import { LocalTime } from "@/components/i18n/local-time";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AuditChainResult } from "@/lib/dal/audit";
import { verifyAuditChainAction } from "../actions";

export function VerifyChainButton() {
  const t = useTranslations("admin.audit");
  const text = useMessageText();
  const number = new Intl.NumberFormat(useLocale() === "nl" ? "nl-NL" : "en-GB");
  const [pending, start] = useTransition();
  const [result, setResult] = useState<AuditChainResult | { error: string } | null>(null);
  return (
    <div className="space-y-3">
      <Button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await verifyAuditChainAction();
            setResult(r.ok ? r.data : { error: text(r.formError) ?? t("couldNotRun") });
          })
        }
      >
        {pending ? t("verifying") : t("verify")}
      </Button>
      {result &&
        ("error" in result ? (
          <Alert tone="error">{result.error}</Alert>
        ) : result.ok ? (
          <Alert tone="success">
            {t("intact", { checked: number.format(result.checked) })}{" "}
            {result.checkpoint &&
              t.rich("checkpoint", {
                time: () => <LocalTime value={result.checkpoint!.at} />,
              })}{" "}
            {t.rich("lastHash", {
              code: () => <code className="break-all">{result.lastHash}</code>,
            })}
            {result.legacy &&
              ` ${t("legacy", {
                first: result.legacy.firstId,
                last: result.legacy.lastId,
                rows: number.format(result.legacy.rows),
              })}`}
          </Alert>
        ) : (
          <Alert tone="error">
            <p>
              {t("broken", {
                problems: result.breaks.length + result.moreBreaks,
                checked: number.format(result.checked),
              })}
            </p>
            <ul className="mt-2 list-disc pl-5">
              {result.breaks.map((b) => (
                <li key={`${b.id}-${b.reason}`}>
                  {t("breakAt", { id: b.id, message: b.message })}
                </li>
              ))}
            </ul>
            {result.moreBreaks > 0 && <p>{t("more", { count: result.moreBreaks })}</p>}
          </Alert>
        ))}
    </div>
  );
}
