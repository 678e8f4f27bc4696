import { describe, expect, it } from "vitest";
import { planPrint, temperatureAt, type PrintPlan } from "./curve";

const plan: PrintPlan = {
  heatUpSeconds: 300,
  printSeconds: 600,
  nozzleTargetC: 210,
  bedTargetC: 60,
  roomC: 22,
};

describe("temperatureAt", () => {
  it("starts at room temperature with the heaters aiming at the targets", () => {
    expect(temperatureAt(plan, 0)).toEqual({
      nozzleC: 22,
      nozzleTargetC: 210,
      bedC: 22,
      bedTargetC: 60,
    });
  });

  it("heats up without overshooting, the nozzle faster than the bed", () => {
    let last = temperatureAt(plan, 0);
    for (let t = 5; t <= 300; t += 5) {
      const s = temperatureAt(plan, t);
      expect(s.nozzleC).toBeGreaterThanOrEqual(last.nozzleC);
      expect(s.bedC).toBeGreaterThanOrEqual(last.bedC);
      expect(s.nozzleC).toBeLessThanOrEqual(210);
      expect(s.bedC).toBeLessThanOrEqual(60);
      last = s;
    }
    const early = temperatureAt(plan, 60);
    expect((early.nozzleC - 22) / (210 - 22)).toBeGreaterThan((early.bedC - 22) / (60 - 22));
    // By the first layer both are close to their targets.
    expect(temperatureAt(plan, 300).nozzleC).toBeCloseTo(210, 0);
    expect(temperatureAt(plan, 300).bedC).toBeGreaterThan(58);
  });

  it("holds the targets within the noise while printing", () => {
    const high = temperatureAt(plan, 600, () => 1);
    const low = temperatureAt(plan, 600, () => -1);
    expect(high.nozzleC).toBeCloseTo(210.6, 1);
    expect(low.nozzleC).toBeCloseTo(209.4, 1);
    expect(high.bedC - low.bedC).toBeCloseTo(0.6, 1);
  });

  it("adds no noise while heating (a heater does not wobble on its way up)", () => {
    expect(temperatureAt(plan, 100, () => 1)).toEqual(temperatureAt(plan, 100));
  });

  it("cools towards room temperature with the heaters off after the print", () => {
    const end = temperatureAt(plan, 900);
    const after = temperatureAt(plan, 960);
    const later = temperatureAt(plan, 2_000);
    expect(after.nozzleTargetC).toBe(0);
    expect(after.bedTargetC).toBe(0);
    expect(after.nozzleC).toBeLessThan(end.nozzleC);
    expect(later.nozzleC).toBeLessThan(after.nozzleC);
    expect(later.nozzleC).toBeGreaterThanOrEqual(22);
    expect(later.bedC).toBeLessThan(after.bedC);
  });

  it("rounds to tenths of a degree, as printers report", () => {
    const s = temperatureAt(plan, 37, () => 0.123);
    for (const v of [s.nozzleC, s.bedC]) expect(Math.round(v * 10) / 10).toBe(v);
  });
});

describe("planPrint", () => {
  const material = { nozzle: [200, 210], bed: [60] };

  it("takes its targets from the material and scales its length to the interval", () => {
    const low = planPrint(material, 2, () => 0);
    expect(low).toEqual({
      heatUpSeconds: 12,
      printSeconds: 30,
      nozzleTargetC: 200,
      bedTargetC: 60,
      roomC: 21,
    });
    const high = planPrint(material, 2, () => 0.999);
    expect(high.nozzleTargetC).toBe(210);
    expect(high.heatUpSeconds).toBe(24);
    expect(high.printSeconds).toBe(80);
  });
});
