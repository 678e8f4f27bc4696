import { describe, expect, it } from "vitest";
import { categories, getCategory, itemTarget, purgePlans, sqlColumn } from "@/lib/catalog";
import {
  autoDeleteOptions,
  effectiveRetention,
  monthsToDays,
  purgeCutoff,
  purgeDate,
} from "./policy";

const cat = (id: string) => getCategory(id)!;
const DAY = 86_400_000;

describe("retention policy", () => {
  it("offers only periods shorter than the catalog's, and never below a floor", () => {
    expect(autoDeleteOptions(cat("print-jobs"))).toEqual([3, 18]); // 36 months is the catalog's 3 years
    expect(autoDeleteOptions(cat("diagnostics"))).toEqual([3]); // 18 months is the catalog's own
    expect(autoDeleteOptions(cat("cura-configuration"))).toEqual([3, 18, 36]); // kept with the account
    expect(autoDeleteOptions(cat("login-activity"))).toEqual([3]); // 91 days ≥ the 90-day floor
    expect(autoDeleteOptions(cat("printers"))).toEqual([]);
    expect(autoDeleteOptions(cat("privacy-requests"))).toEqual([]);
    expect(monthsToDays(3)).toBe(91);
    expect(monthsToDays(18)).toBe(548);
    expect(monthsToDays(36)).toBe(1096);
  });

  it("allows auto-delete exactly where the catalog says, with the floor for sign-ins", () => {
    expect(categories.filter((c) => c.retention.autoDelete).map((c) => c.id)).toEqual([
      "login-activity",
      "print-jobs",
      "cura-configuration",
      "diagnostics",
    ]);
    expect(cat("login-activity").retention.autoDelete?.floorDays).toBe(90);
    expect(cat("login-activity").retention.autoDelete?.floorReason).toMatch(/90 days/);
    expect(cat("cura-configuration").retention.autoDelete?.note).toMatch(/newest version/);
  });

  it("uses the holder's choice only when it is shorter, and only where allowed", () => {
    expect(effectiveRetention(cat("print-jobs"))).toEqual({ days: 1095, chosenMonths: null });
    expect(effectiveRetention(cat("print-jobs"), 3)).toEqual({ days: 91, chosenMonths: 3 });
    expect(effectiveRetention(cat("print-jobs"), 36)).toEqual({ days: 1095, chosenMonths: null });
    expect(effectiveRetention(cat("diagnostics"), 18)).toEqual({ days: 548, chosenMonths: null });
    expect(effectiveRetention(cat("cura-configuration"))).toEqual({
      days: undefined,
      chosenMonths: null,
    });
    expect(effectiveRetention(cat("cura-configuration"), 36)).toEqual({
      days: 1096,
      chosenMonths: 36,
    });
    // A choice where the catalog allows none changes nothing.
    expect(effectiveRetention(cat("printers"), 3)).toEqual({ days: 730, chosenMonths: null });
  });

  it("never goes below the floor, whatever is stored", () => {
    const login = cat("login-activity");
    const floored = { ...login, retention: { ...login.retention, autoDelete: { floorDays: 120 } } };
    expect(effectiveRetention(floored, 3)).toEqual({ days: 120, chosenMonths: 3 });
  });

  it("gives the panel's date and the job's cutoff the same boundary", () => {
    const jobs = cat("print-jobs");
    const clock = new Date("2024-02-29T23:30:00.000Z");
    for (const months of [null, 3, 18]) {
      const date = purgeDate(jobs, clock, months)!;
      const before = purgeCutoff(jobs, new Date(date.getTime() - 1000), months)!;
      const after = purgeCutoff(jobs, new Date(date.getTime() + 1000), months)!;
      expect(clock > before, `${months}: kept a second before`).toBe(true);
      expect(clock <= after, `${months}: gone a second after`).toBe(true);
      expect(purgeCutoff(jobs, date, months)!.getTime()).toBe(clock.getTime());
    }
    expect(purgeDate(jobs, clock)!.getTime() - clock.getTime()).toBe(1095 * DAY);
    expect(purgeDate(cat("cura-configuration"), clock)).toBeNull();
    expect(purgeCutoff(cat("cura-configuration"), clock)).toBeNull();
  });
});

describe("purge targets", () => {
  it("give every category with a clock its item, on the clock the catalog names", () => {
    for (const c of categories) {
      if (!c.stats.clock) continue;
      const item = itemTarget(c.id);
      expect(item, c.id).toBeDefined();
      expect(item!.clock, c.id).toBe(`t.${sqlColumn(c.stats.clock)}`);
      expect(item!.owner, c.id).toBe("t.user_id");
    }
  });

  it("purge every category with a period, and never the audit log", () => {
    const planned = new Set(purgePlans.map((p) => p.category));
    for (const c of categories)
      if (c.retention.days !== undefined || c.retention.autoDelete) expect(planned).toContain(c.id);
    const tables = purgePlans.flatMap((p) => p.targets.map((t) => t.table));
    expect(tables).not.toContain("audit_log");
    expect(tables).not.toContain("printers");
    expect(tables.indexOf("print_job_temperature_samples")).toBeLessThan(
      tables.indexOf("print_jobs"),
    );
    expect(tables.indexOf("print_job_materials")).toBeLessThan(tables.indexOf("print_jobs"));
  });

  it("purge only visitors' consent records, behind the trigger's setting", () => {
    const consent = purgePlans.find((p) => p.category === "cookie-consents")!.targets[0]!;
    expect(consent).toMatchObject({ where: "t.user_id is null", setting: "pc.retention_purge" });
    expect(consent.owner).toBeUndefined();
    expect(cat("cookie-consents").stats.clock).toBeUndefined();
  });
});
