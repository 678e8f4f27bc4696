import { describe, expect, it } from "vitest";
import { diagnosticSource, humanKey, payloadHighlights } from "./diagnostic-words";

describe("diagnostic words", () => {
  it("tells Cura, a printer and anything else apart", () => {
    expect(diagnosticSource("cura")).toEqual({ kind: "cura" });
    expect(diagnosticSource("printer:S5-0001")).toEqual({ kind: "printer", serial: "S5-0001" });
    expect(diagnosticSource("digital-factory")).toEqual({
      kind: "other",
      text: "digital-factory",
    });
  });

  it("picks the fields that say what happened, and leaves tracebacks in the raw data", () => {
    const crash = payloadHighlights("crash_report", {
      os: "Windows 11",
      exception: "CuraEngine crashed",
      traceback: Array.from({ length: 20 }, (_, i) => `line ${i}`),
      nested: { a: 1 },
      active_machine: "Ultimaker S5",
    });
    expect(crash.map((h) => h.key)).toEqual(["exception", "active_machine", "os"]);
    const telemetry = payloadHighlights("telemetry", { network: "wifi", print_hours: 1200 });
    expect(telemetry).toEqual([
      { key: "print_hours", value: 1200 },
      { key: "network", value: "wifi" },
    ]);
    expect(payloadHighlights("log_bundle", { files: ["a.log", "b.log"] }, 1)).toEqual([
      { key: "files", value: ["a.log", "b.log"] },
    ]);
  });

  it("makes unknown keys readable", () => {
    expect(humanKey("active_leveling_runs")).toBe("Active leveling runs");
  });
});
