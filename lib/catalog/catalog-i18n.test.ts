import { describe, expect, it } from "vitest";
import { diagnosticKind, printerStatus, printJobStatus } from "@/db/schema";
import { messages } from "@/lib/i18n/messages";
import { categories, legalBasisLabel } from "./index";
import { catalogValue, getLocalizedCategories, getLocalizedCategory, legalBasisText } from "./i18n";

/** The catalog's English words in the layout of messages/en/catalog.json. */
function catalogWords() {
  return Object.fromEntries(
    categories.map((c) => [
      c.id,
      {
        title: c.title,
        summary: c.summary,
        purpose: c.purpose,
        retention: c.retention.description,
        ...(c.retention.autoDelete?.floorReason
          ? { floorReason: c.retention.autoDelete.floorReason }
          : {}),
        ...(c.retention.autoDelete?.note ? { autoDeleteNote: c.retention.autoDelete.note } : {}),
        recipients: Object.fromEntries(c.recipients.map((r, i) => [String(i), r])),
        source: c.source,
        ...(c.menu ? { menu: c.menu } : {}),
        tables: Object.fromEntries(
          c.tables.map((t) => [
            t.name,
            {
              description: t.description,
              fields: Object.fromEntries(t.fields.map((f) => [f.name, f.description])),
            },
          ]),
        ),
      },
    ]),
  );
}

describe("catalog words per language", () => {
  it("messages/en/catalog.json says exactly what the catalog says", () => {
    expect(messages.en.catalog.categories).toEqual(catalogWords());
    expect(messages.en.catalog.legalBasis).toEqual(legalBasisLabel);
  });

  it("English is the catalog itself; Dutch changes words, never structure", () => {
    expect(getLocalizedCategories("en")).toEqual(categories);
    const nl = getLocalizedCategories("nl");
    nl.forEach((c, i) => {
      const en = categories[i]!;
      expect(c.id).toBe(en.id);
      expect(c.retention.days).toBe(en.retention.days);
      expect(c.tables.map((t) => t.name)).toEqual(en.tables.map((t) => t.name));
      expect(c.tables.map((t) => t.export)).toEqual(en.tables.map((t) => t.export));
    });
    expect(getLocalizedCategory("print-jobs", "nl")?.title).toBe("Printopdrachten");
    expect(getLocalizedCategory("nope", "nl")).toBeUndefined();
    expect(legalBasisText("consent", "nl")).toMatch(/toestemming/);
  });

  it("names every stored status and kind in words, in both languages", () => {
    for (const locale of ["en", "nl"] as const) {
      for (const s of printerStatus.enumValues) {
        expect(catalogValue("printerStatus", s, locale)).not.toBe(s);
      }
      for (const s of printJobStatus.enumValues) {
        expect(catalogValue("printJobStatus", s, locale)).not.toBe(s);
      }
      for (const k of diagnosticKind.enumValues) {
        expect(catalogValue("diagnosticKind", k, locale)).not.toMatch(/_/);
      }
    }
    expect(catalogValue("printJobStatus", "queued", "en")).toBe("Queued");
    expect(catalogValue("printJobStatus", "from-the-future", "nl")).toBe("from-the-future");
  });
});
