import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { DataCategory } from "@/lib/catalog";
import { autoDeleteOptions, effectiveRetention } from "@/lib/retention/policy";
import { AutoDeleteForm } from "./auto-delete-form";

/**
 * The holder's auto-delete choice for a category that allows one: a form, or in a read-only
 * support view the choice in words (the DAL refuses a change there anyway).
 */
export async function AutoDeleteSection({
  category,
  chosenMonths,
  readOnly,
}: {
  category: DataCategory;
  chosenMonths: number | null;
  readOnly: boolean;
}) {
  const rule = category.retention.autoDelete;
  const options = autoDeleteOptions(category);
  if (!rule || options.length === 0) return null;
  const { chosenMonths: effective } = effectiveRetention(category, chosenMonths);
  const t = await getTranslations("data.autoDelete");
  const notes = [rule.note, rule.floorReason].filter((n): n is string => Boolean(n));
  return (
    <Card title={t("title")} id="auto-delete">
      <p className="mb-3 text-sm text-slate-700">{t("intro")}</p>
      {notes.map((note) => (
        <p key={note} className="mb-3 text-sm text-slate-700">
          {note}
        </p>
      ))}
      {readOnly ? (
        <p className="text-sm" data-testid="auto-delete-readonly">
          {t("current")}{" "}
          <strong>{effective ? t("after", { months: effective }) : t("standard")}</strong>
          {t("readOnly")}
        </p>
      ) : (
        <AutoDeleteForm
          category={category.id}
          current={effective ? (String(effective) as "3" | "18" | "36") : "standard"}
          options={options}
          standard={category.retention.description}
        />
      )}
    </Card>
  );
}
