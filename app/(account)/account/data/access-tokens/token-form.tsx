"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-helpers";
import { useMessageText } from "@/components/i18n/message-text";
import {
  createTokenSchema,
  tokenScopes,
  type CreateTokenInput,
  type TokenScope,
} from "@/lib/validation/data";
import { createTokenAction } from "../actions";
import { scopeInWords } from "./words";
import { ReadOnlyFieldset } from "@/components/ui/read-only";

type Kind = keyof typeof tokenScopes;

/** A new token may send what its kind sends and reads nothing until asked to. */
const scopesOf = (kind: Kind): readonly TokenScope[] => tokenScopes[kind];
const defaultScopes = (kind: Kind) => scopesOf(kind).filter((s) => s.endsWith(":write"));
/** Sending first, then reading, so the two kinds of permission read as two groups. */
const orderedScopes = (kind: Kind) => [
  ...defaultScopes(kind),
  ...scopesOf(kind).filter((s) => s.endsWith(":read")),
];

/** Creates a token; its secret is shown here once and kept nowhere the page can get it again. */
export function TokenForm() {
  const t = useTranslations("security.tokens");
  const text = useMessageText();
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<CreateTokenInput>({
    resolver: zodResolver(createTokenSchema),
    defaultValues: { name: "", kind: "printer", scopes: defaultScopes("printer") },
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
          <p className="font-medium">{t("form.secret")}</p>
          <code
            data-testid="new-token-secret"
            className="mt-2 block rounded bg-white p-2 font-mono break-all"
          >
            {secret}
          </code>
        </Alert>
      )}
      <ReadOnlyFieldset disabled={isSubmitting} className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("form.name")} error={errors.name?.message} {...form.register("name")} />
        <SelectField
          label={t("form.usedBy")}
          error={errors.kind?.message}
          {...form.register("kind", {
            onChange: (e: { target: { value: Kind } }) =>
              form.setValue("scopes", defaultScopes(e.target.value)),
          })}
        >
          <option value="printer">{t("kind.printer")}</option>
          <option value="cura">{t("kind.cura")}</option>
        </SelectField>
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium">{t("form.scopes")}</legend>
          <p className="text-xs text-slate-600">
            {t(kind === "cura" ? "form.scopesHintCura" : "form.scopesHintPrinter")}
          </p>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {orderedScopes(kind).map((s) => (
              <label key={s} className="flex min-h-8 items-center gap-2 text-sm">
                <input type="checkbox" value={s} {...form.register("scopes")} />
                {scopeInWords(s, t)}
              </label>
            ))}
          </div>
          {errors.scopes && <p className="text-sm text-red-700">{text(errors.scopes.message)}</p>}
        </fieldset>
        <div>
          <Button type="submit">{isSubmitting ? t("form.submitting") : t("form.submit")}</Button>
        </div>
      </ReadOnlyFieldset>
    </form>
  );
}
