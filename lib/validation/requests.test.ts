import { describe, expect, it } from "vitest";
import { REQUEST_KINDS } from "@/lib/requests/clock";
import { KIND_TEXT } from "@/lib/requests/kinds";
import { holderRequestSchema, publicRequestSchema } from "./requests";

describe("request schemas", () => {
  it("need details for rectification and other, not for access", () => {
    expect(holderRequestSchema.safeParse({ kind: "access", details: "" }).success).toBe(true);
    for (const kind of ["rectification", "other"]) {
      const r = holderRequestSchema.safeParse({ kind, details: "   " });
      expect(r.success).toBe(false);
    }
  });

  it("keep erasure and restriction off the holder's form (they have their own pages)", () => {
    expect(holderRequestSchema.safeParse({ kind: "erasure", details: "" }).success).toBe(false);
    expect(holderRequestSchema.safeParse({ kind: "restriction", details: "" }).success).toBe(false);
  });

  it("limit details to 2000 characters and need a valid address on the public form", () => {
    expect(
      holderRequestSchema.safeParse({ kind: "other", details: "x".repeat(2001) }).success,
    ).toBe(false);
    expect(
      publicRequestSchema.safeParse({ email: "nope", kind: "access", details: "" }).success,
    ).toBe(false);
    expect(
      publicRequestSchema.safeParse({ email: " a@example.test ", kind: "access", details: "" })
        .data,
    ).toEqual({ email: "a@example.test", kind: "access", details: "" });
  });

  it("name every kind in words", () => {
    for (const kind of REQUEST_KINDS) expect(KIND_TEXT[kind].label.length).toBeGreaterThan(5);
  });
});
