import { describe, expect, it } from "vitest";
import { minuteTicks, niceStep, temperatureTicks, ticksFromZero } from "./chart-scale";

describe("chart scales", () => {
  it("gives temperatures in round 50 °C steps from 0", () => {
    expect(temperatureTicks(215)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(temperatureTicks(250)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(temperatureTicks(60)).toEqual([0, 25, 50, 75]);
    expect(temperatureTicks(0)).toEqual([0, 25]);
  });

  it("gives minutes in clock-like steps that cover the print", () => {
    expect(minuteTicks(181)).toEqual([0, 30, 60, 90, 120, 150, 180]);
    expect(minuteTicks(45)).toEqual([0, 10, 20, 30, 40]);
    expect(minuteTicks(3)).toEqual([0, 1, 2, 3]);
  });

  it("finds 1-2-2.5-5 steps", () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(7, 6)).toBe(2);
    expect(niceStep(0)).toBe(1);
    expect(ticksFromZero(0.3, 0.1)).toEqual([0, 0.1, 0.2, 0.3]);
  });
});
