"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-helpers";
import { createTokenSchema, tokenScopes, type CreateTokenInput } from "@/lib/validation/data";
import { createTokenAction } from "../actions";

const scopeLabels: Record<string, string> = {
  "printers:write": "Report printer status",
  "print-jobs:write": "Report print jobs",
  "cura:write": "Sync Cura profiles",
  "diagnostics:write": "Send diagnostics",
};

/** Creates a token; its secret is shown here once and kept nowhere the page can get it again. */
export function TokenForm() {
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<CreateTokenInput>({
    resolver: zodResolver(createTokenSchema),
    defaultValues: { name: "", kind: "printer", scopes: ["printers:write", "print-jobs:write"] },
  });
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: "kind" });

  const onSubmit = form.handleSubmit(async () => {
    setError(null);
    setSecret(null);
    const result = await createTokenAction(form.getValues());
    if (result.ok) {
      setSecret(result.data.secret);
      form.reset({ name: "", kind: form.getValues("kind"), scopes: form.getValues("scopes") });
    } else {
      setError(applyActionErrors(result, form.setError));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      {secret && (
        <Alert tone="success">
          <p className="font-medium">Your new token. Copy it now: we will not show it again.</p>
          <code
            data-testid="new-token-secret"
            className="mt-2 block rounded bg-white p-2 font-mono break-all"
          >
            {secret}
          </code>
        </Alert>
      )}
      <fieldset disabled={isSubmitting} className="grid gap-4 sm:grid-cols-2">
        <TextField label="Token name" error={errors.name?.message} {...form.register("name")} />
        <SelectField
          label="Used by"
          error={errors.kind?.message}
          {...form.register("kind", {
            onChange: (e: { target: { value: "printer" | "cura" } }) =>
              form.setValue("scopes", [...tokenScopes[e.target.value]].slice(0, 2)),
          })}
        >
          <option value="printer">A printer</option>
          <option value="cura">Ultimaker Cura</option>
        </SelectField>
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium">What it may do</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {tokenScopes[kind].map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={s} {...form.register("scopes")} />
                {scopeLabels[s]}
              </label>
            ))}
          </div>
          {errors.scopes && <p className="text-sm text-red-700">{errors.scopes.message}</p>}
        </fieldset>
        <div>
          <Button type="submit">{isSubmitting ? "Creating…" : "Create token"}</Button>
        </div>
      </fieldset>
    </form>
  );
}
