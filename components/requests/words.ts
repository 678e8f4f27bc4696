import type { useTranslations } from "next-intl";

type RequestsT = ReturnType<typeof useTranslations<"requests">>;

/**
 * A request's kind, status or timeline event in the viewer's words; a value the messages do not
 * know yet is shown with spaces for underscores rather than failing the page.
 */
export function requestWord(
  t: RequestsT,
  group: "status" | "event" | "kind",
  value: string,
  field: "label" | "description" = "label",
): string {
  const key = (
    group === "kind" ? `kind.${value}.${field}` : `${group}.${value}`
  ) as Parameters<RequestsT>[0];
  if (t.has(key)) return t(key);
  return field === "description" ? "" : value.replaceAll("_", " ");
}
