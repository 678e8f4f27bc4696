import { describe, expect, it } from "vitest";
import { dayTicks, statusBands, timePerStatus } from "./status-bands";

const H = 3_600_000;

describe("status bands", () => {
  it("turns changes into stretches that last until the next change, and merges repeats", () => {
    const bands = statusBands(
      [
        { t: 0, status: "idle" },
        { t: 2 * H, status: "printing" },
        { t: 5 * H, status: "printing" },
        { t: 6 * H, status: "idle" },
      ],
      7 * H,
    );
    expect(bands).toEqual([
      { status: "idle", from: 0, to: 2 * H },
      { status: "printing", from: 2 * H, to: 6 * H },
      { status: "idle", from: 6 * H, to: 7 * H },
    ]);
    expect(timePerStatus(bands)).toEqual([
      { status: "printing", seconds: 4 * 3600 },
      { status: "idle", seconds: 3 * 3600 },
    ]);
  });

  it("cuts at the window's start", () => {
    expect(statusBands([{ t: 0, status: "idle" }], 10 * H, 4 * H)).toEqual([
      { status: "idle", from: 4 * H, to: 10 * H },
    ]);
  });

  it("puts day ticks on midnights", () => {
    const ticks = dayTicks(Date.UTC(2026, 0, 1, 12), Date.UTC(2026, 0, 4, 12));
    expect(ticks).toEqual([Date.UTC(2026, 0, 2), Date.UTC(2026, 0, 3), Date.UTC(2026, 0, 4)]);
  });
});
