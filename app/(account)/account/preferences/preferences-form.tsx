"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { applyActionErrors } from "@/components/ui/form-helpers";
import type { MarketingPreferencesDTO } from "@/lib/dal/marketing";
import {
  marketingPreferencesSchema,
  newsletterTopics,
  type MarketingPreferencesInput,
  type NewsletterTopic,
} from "@/lib/validation/consent";
import { updateMarketingPreferencesAction } from "./actions";

const topicLabels: Record<NewsletterTopic, string> = {
  product_announcements: "Product announcements",
  software_updates: "Software updates",
  new_content: "New content (guides, stories, events)",
};

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
      return setStatus({ tone: "error", text: applyActionErrors(result, form.setError) ?? "" });
    setState(result.data.newsletter);
    setStatus({
      tone: "success",
      text: result.data.confirmationSent
        ? "Saved. We sent you an email: the newsletter starts once you confirm with its link."
        : "Your preferences are saved.",
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      <fieldset disabled={isSubmitting} className="space-y-6">
        <div className="space-y-3">
          <Toggle
            label="Send me the newsletter"
            hint="We ask you to confirm by email first (double opt-in)."
            {...form.register("newsletter")}
          />
          <p className="text-sm text-slate-700" aria-live="polite">
            Newsletter status:{" "}
            <strong>
              {state === "confirmed"
                ? "subscribed"
                : state === "pending"
                  ? "waiting for your confirmation by email"
                  : "off"}
            </strong>
          </p>
          {newsletter && (
            <fieldset
              className="ml-8 space-y-2"
              aria-describedby={errors.topics ? "topics-error" : undefined}
            >
              <legend className="text-sm font-medium">Topics</legend>
              {newsletterTopics.map((t) => (
                <label key={t} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={topics.includes(t)}
                    onChange={(e) =>
                      form.setValue(
                        "topics",
                        e.target.checked ? [...topics, t] : topics.filter((x) => x !== t),
                        {
                          shouldDirty: true,
                        },
                      )
                    }
                  />
                  {topicLabels[t]}
                </label>
              ))}
              {errors.topics && (
                <p id="topics-error" className="text-sm text-red-700">
                  {errors.topics.message}
                </p>
              )}
            </fieldset>
          )}
        </div>
        <Toggle
          label="Let us see whether I opened an email"
          hint="A tiny image in our emails tells us when you open them. Off: no image is included."
          {...form.register("openTracking")}
        />
        <Toggle
          label="Let us see which links I clicked"
          hint="Links in our emails pass through our server first. Off: links go straight to their page."
          {...form.register("clickTracking")}
        />
        {profilingObjected ? (
          // Not a field: the saved value stays off (the DAL also refuses to turn it on).
          <p className="text-sm text-slate-700">
            <span className="block font-medium text-slate-900">Profiling is off</span>
            You object to profiling for marketing, so it stays off. Lift the objection under{" "}
            <Link href="/account/processing">Restrict or object</Link> to choose again.
          </p>
        ) : (
          <Toggle
            label="Use my activity to tailor marketing"
            hint="Profiling. Turning it off stops it straight away."
            {...form.register("profiling")}
          />
        )}
        <Button type="submit">{isSubmitting ? "Saving…" : "Save preferences"}</Button>
      </fieldset>
    </form>
  );
}
