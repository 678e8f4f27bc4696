import { Card } from "@/components/ui/card";
import type { DataCategory } from "@/lib/catalog";
import { autoDeleteOptions, effectiveRetention, monthsLabel } from "@/lib/retention/policy";
import { AutoDeleteForm } from "./auto-delete-form";

/**
 * The holder's auto-delete choice for a category that allows one: a form, or in a read-only
 * support view the choice in words (the DAL refuses a change there anyway).
 */
export function AutoDeleteSection({
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
  const notes = [rule.note, rule.floorReason].filter((n): n is string => Boolean(n));
  return (
    <Card title="Auto-delete" id="auto-delete">
      <p className="mb-3 text-sm text-slate-700">
        You can have us delete these items sooner than we normally would. The daily clean-up then
        deletes each item once it is older than the period you choose.
      </p>
      {notes.map((note) => (
        <p key={note} className="mb-3 text-sm text-slate-700">
          {note}
        </p>
      ))}
      {readOnly ? (
        <p className="text-sm" data-testid="auto-delete-readonly">
          Current choice:{" "}
          <strong>
            {effective ? `delete after ${monthsLabel(effective)}` : "keep for the standard period"}
          </strong>
          . This is a read-only support view, so it cannot be changed here.
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
