import { describe, expect, it } from "vitest";
import { allTokenScopes } from "@/lib/validation/data";
import { refusalSentence, scopeLabel, scopeLabels } from "./token-words";

describe("token words", () => {
  it("names every scope in words, each differently", () => {
    const labels = allTokenScopes.map(scopeLabel);
    expect(labels.every((l) => !l.includes(":"))).toBe(true);
    expect(new Set(labels).size).toBe(allTokenScopes.length);
    expect(Object.keys(scopeLabels).sort()).toEqual([...allTokenScopes].sort());
    expect(scopeLabel("printers:write")).toBe("Send printer status");
    expect(scopeLabel("printers:read")).toBe("Read your printers");
    expect(scopeLabel("made-up:scope")).toBe("made-up:scope");
  });

  it("says what was refused, how much, and why", () => {
    expect(
      refusalSentence({ category: "printers", reason: "restricted", items: 120, requests: 40 }),
    ).toBe(
      "Tried to send 120 printer updates in 40 requests while you had printers restricted. None of it was stored.",
    );
    expect(
      refusalSentence({ category: "diagnostics", reason: "objected", items: 1, requests: 1 }),
    ).toBe(
      "Tried to send 1 diagnostics bundle in 1 request after you objected to the use of diagnostics. We dropped them without storing them.",
    );
    expect(
      refusalSentence({
        category: "print-jobs",
        reason: "erasure_pending",
        items: 2500,
        requests: 3,
      }),
    ).toMatch(
      /^Tried to send 2,500 print-job items .* in 3 requests while your account was waiting to be deleted\./,
    );
    expect(
      refusalSentence({ category: "new-thing", reason: "restricted", items: 2, requests: 1 }),
    ).toBe(
      "Tried to send 2 items in 1 request while you had new thing restricted. None of it was stored.",
    );
  });
});
