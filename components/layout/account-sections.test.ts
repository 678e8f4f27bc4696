import { describe, expect, it } from "vitest";
import { CATEGORY_IDS } from "@/lib/catalog/ids";
import {
  categoryGroups,
  currentSection,
  sectionGroups,
  sectionHrefForCategory,
} from "./account-sections";

const navHrefs = sectionGroups.flatMap((g) =>
  g.sections.flatMap((s) => [s.href, ...(s.also ?? [])]),
);

describe("account sections", () => {
  it("puts every catalog category in exactly one overview group", () => {
    const grouped = categoryGroups.flatMap((g) => g.categories);
    expect([...grouped].sort()).toEqual([...CATEGORY_IDS].sort());
  });

  it("reaches every category's page from the menu", () => {
    for (const id of CATEGORY_IDS) expect(navHrefs, id).toContain(sectionHrefForCategory(id));
  });

  it("marks the section a page belongs to, the longest match winning", () => {
    expect(currentSection("/account")).toBe("overview");
    expect(currentSection("/account/delete")).toBe("deleteAccount");
    expect(currentSection("/account/delete-data")).toBe("deleteData");
    expect(currentSection("/account/data/print-jobs/0b8e")).toBe("printJobs");
    expect(currentSection("/account/requests/new")).toBe("requests");
    expect(currentSection("/account/data/marketing")).toBe("marketing");
    expect(currentSection("/account/elsewhere")).toBeNull();
  });
});
