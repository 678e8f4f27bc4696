"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { SelectField, TextField } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-helpers";
import { countryCodes } from "@/lib/validation/countries";
import { profileSchema, type ProfileInput, type ProfileValues } from "@/lib/validation/profile";
import { updateProfileAction } from "../actions";

export function ProfileForm({ initial }: { initial: ProfileInput }) {
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<ProfileInput, unknown, ProfileValues>({
    resolver: zodResolver(profileSchema),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();
  const countries = useMemo(() => {
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    return countryCodes
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, []);

  const onSubmit = form.handleSubmit(async () => {
    setStatus(null);
    // Send what the person typed; the server parses it with the same schema.
    const result = await updateProfileAction(form.getValues());
    if (result.ok) {
      const n = result.data.changed.length;
      setStatus({
        tone: "success",
        text: n === 0 ? "Nothing to change: your profile is as it was." : "Your profile is saved.",
      });
      form.reset(form.getValues());
    } else {
      setStatus({ tone: "error", text: applyActionErrors(result, form.setError) ?? "" });
    }
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      <fieldset disabled={isSubmitting || !hydrated} className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Name"
          autoComplete="name"
          error={errors.name?.message}
          {...form.register("name")}
        />
        <TextField
          label="Company (optional)"
          autoComplete="organization"
          error={errors.company?.message}
          {...form.register("company")}
        />
        <SelectField
          label="Country (optional)"
          error={errors.country?.message}
          {...form.register("country")}
        >
          <option value="">Not given</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Phone (optional)"
          type="tel"
          autoComplete="tel"
          error={errors.phone?.message}
          {...form.register("phone")}
        />
        <SelectField
          label="Language for our messages"
          error={errors.language?.message}
          {...form.register("language")}
        >
          <option value="en">English</option>
          <option value="nl">Nederlands</option>
        </SelectField>
      </fieldset>
      <Button type="submit" disabled={isSubmitting || !hydrated}>
        {isSubmitting ? "Saving…" : "Save profile"}
      </Button>
    </form>
  );
}
