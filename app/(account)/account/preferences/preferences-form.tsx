"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useMessageText } from "@/components/i18n/message-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { applyActionErrors } from "@/components/ui/form-helpers";
import type { MarketingPreferencesDTO } from "@/lib/dal/marketing";
import {
  marketingPreferencesSchema,
  newsletterTopics,
  type MarketingPreferencesInput,
} from "@/lib/validation/consent";
import { updateMarketingPreferencesAction } from "./actions";

function Toggle({
  label,
  hint,
  ...props
}: { label: string; hint: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="flex items-start gap-3">
      <input type="checkbox" className="mt-1 size-5 shrink-0" {...props} />
      <span>
        <span className="block font-medium">{label}</span>
        <span className="block text-sm text-slate-600">{hint}</span>
      </span>
    </label>
  );
}

export function PreferencesForm({
  initial,
  profilingObjected = false,
}: {
  initial: MarketingPreferencesDTO;
  /** An active objection to profiling (/account/processing) keeps it off: shown, not offered. */
  profilingObjected?: boolean;
}) {
  const t = useTranslations("consent");
  const text = useMessageText();
  const [state, setState] = useState(initial.newsletter);
  const [status, setStatus] = useState<{ tone: "success" | "error" | "info"; text: string } | null>(
    null,
  );
  const form = useForm<MarketingPreferencesInput>({
    resolver: zodResolver(marketingPreferencesSchema),
    defaultValues: { ...initial, newsletter: initial.newsletter !== "off" },
  });
  const { errors, isSubmitting } = form.formState;
  const newsletter = useWatch({ control: form.control, name: "newsletter" });
  const topics = useWatch({ control: form.control, name: "topics" });

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const result = await updateMarketingPreferencesAction(values);
    if (!result.ok)
      return setStatus({
        tone: "error",
        text: text(applyActionErrors(result, form.setError) ?? "") ?? "",
      });
    setState(result.data.newsletter);
    setStatus({
      tone: "success",
      text: result.data.confirmationSent ? t("preferences.savedConfirm") : t("preferences.saved"),
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      <fieldset disabled={isSubmitting} className="space-y-6">
        <div className="space-y-3">
          <Toggle
            label={t("preferences.newsletter")}
            hint={t("preferences.newsletterHint")}
            {...form.register("newsletter")}
          />
          <p className="text-sm text-slate-700" aria-live="polite">
            {t.rich("preferences.status", {
              state: t(`preferences.state.${state}`),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          {newsletter && (
            <fieldset
              className="ml-8 space-y-2"
              aria-describedby={errors.topics ? "topics-error" : undefined}
            >
              <legend className="text-sm font-medium">{t("preferences.topics")}</legend>
              {newsletterTopics.map((topic) => (
                <label key={topic} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={topics.includes(topic)}
                    onChange={(e) =>
                      form.setValue(
                        "topics",
                        e.target.checked ? [...topics, topic] : topics.filter((x) => x !== topic),
                        {
                          shouldDirty: true,
                        },
                      )
                    }
                  />
                  {t(`flags.${topic}`)}
                </label>
              ))}
              {errors.topics && (
                <p id="topics-error" className="text-sm text-red-700">
                  {text(errors.topics.message)}
                </p>
              )}
            </fieldset>
          )}
        </div>
        <Toggle
          label={t("preferences.opens")}
          hint={t("preferences.opensHint")}
          {...form.register("openTracking")}
        />
        <Toggle
          label={t("preferences.clicks")}
          hint={t("preferences.clicksHint")}
          {...form.register("clickTracking")}
        />
        {profilingObjected ? (
          // Not a field: the saved value stays off (the DAL also refuses to turn it on).
          <p className="text-sm text-slate-700">
            <span className="block font-medium text-slate-900">
              {t("preferences.profilingOff")}
            </span>
            {t.rich("preferences.profilingObjected", {
              link: (chunks) => <Link href="/account/processing">{chunks}</Link>,
            })}
          </p>
        ) : (
          <Toggle
            label={t("preferences.profiling")}
            hint={t("preferences.profilingHint")}
            {...form.register("profiling")}
          />
        )}
        <Button type="submit">
          {isSubmitting ? t("preferences.saving") : t("preferences.save")}
        </Button>
      </fieldset>
    </form>
  );
}
