"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useMessageText } from "@/components/i18n/message-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-helpers";
import { campaignSchema, newsletterTopics, type CampaignInput } from "@/lib/validation/consent";
import { sendCampaignAction } from "./actions";

export function CampaignForm() {
  const text = useMessageText();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<CampaignInput>({
    resolver: zodResolver(campaignSchema),
    defaultValues: {
      name: "",
      topic: "product_announcements",
      subject: "",
      body: "",
      linkUrl: "https://",
      linkLabel: "",
    },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const result = await sendCampaignAction(values);
    if (result.ok)
      setStatus({
        tone: "success",
        text: `Queued for ${result.data.recipients} confirmed subscribers.`,
      });
    else setStatus({ tone: "error", text: applyActionErrors(result, form.setError) ?? "" });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      <fieldset disabled={isSubmitting} className="space-y-4">
        <TextField
          label="Campaign name (e.g. 2026-11-news)"
          error={errors.name?.message}
          {...form.register("name")}
        />
        <SelectField label="Topic" error={errors.topic?.message} {...form.register("topic")}>
          {newsletterTopics.map((t) => (
            <option key={t} value={t}>
              {t.replace(/_/g, " ")}
            </option>
          ))}
        </SelectField>
        <TextField label="Subject" error={errors.subject?.message} {...form.register("subject")} />
        <div className="space-y-1">
          <label htmlFor="campaign-body" className="block text-sm font-medium text-slate-800">
            Text (blank lines separate paragraphs)
          </label>
          <textarea
            id="campaign-body"
            rows={6}
            aria-invalid={errors.body ? true : undefined}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base sm:text-sm"
            {...form.register("body")}
          />
          {errors.body && <p className="text-sm text-red-700">{text(errors.body.message)}</p>}
        </div>
        <TextField
          label="Link address"
          type="url"
          error={errors.linkUrl?.message}
          {...form.register("linkUrl")}
        />
        <TextField
          label="Link text"
          error={errors.linkLabel?.message}
          {...form.register("linkLabel")}
        />
        <Button type="submit">{isSubmitting ? "Sending…" : "Send campaign"}</Button>
      </fieldset>
    </form>
  );
}
