import type { Locale } from "@/lib/i18n/config";
import { messages } from "@/lib/i18n/messages";
import { categories } from "./categories";
import type { CategoryId } from "./ids";
import type { DataCategory, LegalBasis } from "./types";

/**
 * The catalog in the viewer's language. The catalog (lib/catalog/categories) stays the one
 * source of structure — ids, tables, columns, retention days — and of the English words;
 * messages/<locale>/catalog.json holds the words per language under
 * `categories.<id>.{title, summary, purpose, retention, floorReason?, autoDeleteNote?,
 * recipients.<n>, source, menu?, tables.<sql table>.{description, fields.<sql column>}}`,
 * `legalBasis.<basis>` and `values.<kind>.<value>` (statuses, kinds, colours).
 * catalog-i18n.test.ts fails when the English file and the catalog disagree, so a catalog
 * change without its words (in both languages, via the key-parity test) cannot ship.
 */
type CatalogMessages = (typeof messages)["en"]["catalog"];
type CategoryWords = {
  title: string;
  summary: string;
  purpose: string;
  retention: string;
  floorReason?: string;
  autoDeleteNote?: string;
  recipients: Record<string, string>;
  source: string;
  menu?: string;
  tables: Record<string, { description: string; fields: Record<string, string> }>;
};

const words = (locale: Locale): CatalogMessages => messages[locale].catalog;

function categoryWords(locale: Locale, id: CategoryId): CategoryWords | undefined {
  return (words(locale).categories as Record<string, CategoryWords>)[id];
}

/** A catalog entry with every word a person reads in `locale`; structure untouched. */
export function localizeCategory(category: DataCategory, locale: Locale): DataCategory {
  const w = categoryWords(locale, category.id);
  if (!w || locale === "en") return category;
  const autoDelete = category.retention.autoDelete && {
    ...category.retention.autoDelete,
    ...(category.retention.autoDelete.floorReason && w.floorReason
      ? { floorReason: w.floorReason }
      : {}),
    ...(category.retention.autoDelete.note && w.autoDeleteNote ? { note: w.autoDeleteNote } : {}),
  };
  return {
    ...category,
    title: w.title,
    summary: w.summary,
    purpose: w.purpose,
    retention: { ...category.retention, description: w.retention, autoDelete },
    recipients: category.recipients.map((r, i) => w.recipients[String(i)] ?? r),
    source: w.source,
    ...(category.menu ? { menu: w.menu ?? category.menu } : {}),
    tables: category.tables.map((t) => {
      const tw = w.tables[t.name];
      if (!tw) return t;
      return {
        ...t,
        description: tw.description,
        fields: t.fields.map((f) => ({ ...f, description: tw.fields[f.name] ?? f.description })),
      };
    }),
  };
}

/** Every category in `locale`, in the catalog's order. */
export function getLocalizedCategories(locale: Locale): DataCategory[] {
  return categories.map((c) => localizeCategory(c, locale));
}

/** One category in `locale`, or undefined for an unknown id. */
export function getLocalizedCategory(id: string, locale: Locale): DataCategory | undefined {
  const c = categories.find((x) => x.id === id);
  return c && localizeCategory(c, locale);
}

/** "Your consent, which you can withdraw at any time" in `locale`. */
export function legalBasisText(basis: LegalBasis, locale: Locale): string {
  return words(locale).legalBasis[basis];
}

export type CatalogValueKind = keyof CatalogMessages["values"] & string;

/**
 * A stored value in words: `catalogValue("printJobStatus", "queued", "nl")` → "In de
 * wachtrij". A value the catalog does not know (from a newer device) is shown as stored,
 * never as an empty cell.
 */
export function catalogValue(
  kind: Exclude<CatalogValueKind, "unknown">,
  value: string,
  locale: Locale,
): string {
  const table = words(locale).values[kind] as Record<string, string>;
  return table[value] ?? value;
}
