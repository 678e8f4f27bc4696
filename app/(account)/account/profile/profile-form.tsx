"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { SelectField, TextField } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-helpers";
import { profileSchema, type ProfileInput, type ProfileValues } from "@/lib/validation/profile";
import { updateProfileAction } from "../actions";

export type CountryOption = { code: string; name: string };

/** A fact, not a sentence: after a change of language the same status reads in the new one. */
type Status = { tone: "success"; saved: boolean } | { tone: "error"; text: string };

export function ProfileForm({
  initial,
  countries,
}: {
  initial: ProfileInput;
  /** Names in the viewer's language, made on the server (page.tsx says why). */
  countries: CountryOption[];
}) {
  const t = useTranslations("profile.about");
  const router = useRouter();
  const [status, setStatus] = useState<Status | null>(null);
  const form = useForm<ProfileInput, unknown, ProfileValues>({
    resolver: zodResolver(profileSchema),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();

  const onSubmit = form.handleSubmit(async () => {
    setStatus(null);
    // Send what the person typed; the server parses it with the same schema.
    const result = await updateProfileAction(form.getValues());
    if (result.ok) {
      setStatus({ tone: "success", saved: result.data.changed.length > 0 });
      form.reset(form.getValues());
      // A new language is the whole site's: render every part of the page again in it.
      if (result.data.changed.includes("language")) router.refresh();
    } else {
      setStatus({ tone: "error", text: applyActionErrors(result, form.setError) ?? "" });
    }
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {status && (
        <Alert tone={status.tone} focus={status.tone === "success"}>
          {status.tone === "error" ? status.text : status.saved ? t("saved") : t("unchanged")}
        </Alert>
      )}
      <fieldset disabled={isSubmitting || !hydrated} className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("name")}
          autoComplete="name"
          error={errors.name?.message}
          {...form.register("name")}
        />
        <TextField
          label={t("company")}
          autoComplete="organization"
          error={errors.company?.message}
          {...form.register("company")}
        />
        <SelectField
          label={t("country")}
          error={errors.country?.message}
          {...form.register("country")}
        >
          <option value="">{t("noCountry")}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("phone")}
          type="tel"
          autoComplete="tel"
          error={errors.phone?.message}
          {...form.register("phone")}
        />
        <SelectField
          label={t("language")}
          error={errors.language?.message}
          {...form.register("language")}
        >
          {/* Each language named in itself, as a person looking for theirs reads it. */}
          <option value="en" lang="en">
            English
          </option>
          <option value="nl" lang="nl">
            Nederlands
          </option>
        </SelectField>
      </fieldset>
      <Button type="submit" disabled={isSubmitting || !hydrated}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
