"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Something failed while reading this page: say so, offer a retry, never show a stack. */
export default function DataError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("data.error");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Alert tone="error">{t("body")}</Alert>
      <div className="flex gap-3">
        <Button type="button" onClick={reset}>
          {t("retry")}
        </Button>
        <Link href="/account" className="self-center text-sm">
          {t("back")}
        </Link>
      </div>
    </div>
  );
}
