import { describe, expect, it } from "vitest";
import { diffSettings } from "./settings-diff";

describe("diffSettings", () => {
  it("lists changed, added and removed settings, sorted, and nothing that stayed the same", () => {
    expect(
      diffSettings(
        { layer_height: 0.1, infill: 20, brim: true },
        { layer_height: 0.2, infill: 20, support: "tree" },
      ),
    ).toEqual([
      { key: "brim", before: "true", after: null },
      { key: "layer_height", before: "0.1", after: "0.2" },
      { key: "support", before: null, after: "tree" },
    ]);
  });
  it("is empty for identical versions", () => {
    expect(diffSettings({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
