"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { TextField } from "@/components/ui/field";
import { signInSchema, type SignInInput } from "@/lib/validation/auth";
import { formatTime } from "@/lib/format";

type T = ReturnType<typeof useTranslations<"auth.signIn">>;

/** The sign-in refusal next-auth passes on as a code, in words (and the browser's own clock). */
function messageFor(code: string, t: T, locale: "en" | "nl"): string {
  if (code.startsWith("throttled:")) {
    const at = new Date(code.slice("throttled:".length));
    return Number.isNaN(at.getTime())
      ? t("throttledSoon")
      : t("throttled", {
          time: formatTime(at, {
            locale,
            timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          }),
        });
  }
  if (code === "unverified") return t("unverified");
  if (code === "reset_required") return t("resetRequired");
  return t("mismatch");
}

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const t = useTranslations("auth.signIn");
  const locale = useLocale();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setError(messageFor(result?.error ?? "", t, locale));
      form.setValue("password", "");
      return;
    }
    router.replace(next);
    router.refresh();
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      <fieldset disabled={isSubmitting || !hydrated} className="space-y-4">
        <TextField
          label={t("email")}
          type="email"
          autoComplete="username"
          error={errors.email?.message}
          {...form.register("email")}
        />
        <TextField
          label={t("password")}
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...form.register("password")}
        />
        <Button type="submit" className="w-full">
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </fieldset>
      <p className="flex flex-wrap justify-between gap-2 text-sm">
        <Link href="/forgot-password">{t("forgot")}</Link>
        <Link href="/sign-up">{t("createAccount")}</Link>
      </p>
    </form>
  );
}
