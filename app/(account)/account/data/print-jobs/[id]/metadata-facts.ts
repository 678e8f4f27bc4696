import { getTranslations } from "next-intl/server";
import { getViewerFormat } from "@/lib/i18n/server";

type Metadata = Record<string, string | number | boolean | null>;

/** The metadata keys printers and Cura send that we know, in the order a person reads them. */
const KNOWN = [
  "slicer",
  "source",
  "print_core_1",
  "print_core_2",
  "build_plate",
  "estimated_time_s",
] as const;
type Known = (typeof KNOWN)[number];

/**
 * The "other settings" a printer reported, as label/value pairs a person reads: known keys by
 * name ("Estimated time: 3 h 1 min"), an unset value left out rather than shown as a dash,
 * and keys we do not know yet (from newer firmware) as written, with underscores as spaces.
 */
export async function metadataFacts(metadata: Metadata): Promise<[string, string][]> {
  const t = await getTranslations("data.printJob.meta");
  const f = await getViewerFormat();
  const known = (key: string): key is Known => (KNOWN as readonly string[]).includes(key);
  const value = (key: string, v: Metadata[string]): string => {
    if (key === "estimated_time_s" && typeof v === "number") return f.duration(v);
    if (typeof v === "boolean") return v ? t("yes") : t("no");
    return String(v);
  };
  const entries = Object.entries(metadata).filter(([, v]) => v !== null && v !== "");
  const ordered = [
    ...KNOWN.flatMap((k) => entries.filter(([key]) => key === k)),
    ...entries.filter(([key]) => !known(key)),
  ];
  return ordered.map(([key, v]) => [
    known(key) ? t(key) : key.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase()),
    value(key, v),
  ]);
}
