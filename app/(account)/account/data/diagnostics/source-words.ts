import { getTranslations } from "next-intl/server";
import { diagnosticSource } from "@/components/data/diagnostic-words";

/** "printer:S5-0001" → "Printer with serial S5-0001", "cura" → "Ultimaker Cura". */
export async function getSourceWords() {
  const t = await getTranslations("data.diagnostics");
  return (source: string) => {
    const s = diagnosticSource(source);
    if (s.kind === "cura") return t("sourceCura");
    if (s.kind === "printer") return t("sourcePrinter", { serial: s.serial });
    return s.text;
  };
}
