import { describe, expect, it } from "vitest";
import { describeProblem, problemName, retryAfterSeconds } from "./client";

describe("the simulator's reading of API answers", () => {
  it("names a problem by its type URI's anchor", () => {
    expect(problemName({ type: "http://x/developers/api#problem-restricted" })).toBe("restricted");
    expect(problemName({ type: "about:blank" })).toBeNull();
    expect(problemName(null)).toBeNull();
  });

  it("describes a refusal in one line, with the first field it points at", () => {
    expect(
      describeProblem({
        status: 409,
        body: null,
        problem: {
          type: "http://x/developers/api#problem-restricted",
          detail: "Processing of print jobs is restricted by the holder.",
        },
      }),
    ).toBe("409 restricted: Processing of print jobs is restricted by the holder.");
    expect(
      describeProblem({
        status: 400,
        body: null,
        problem: {
          type: "http://x/developers/api#problem-validation",
          detail: "Unknown material.",
          errors: [{ pointer: "/materials/0/materialGuid", detail: "Unknown material." }],
        },
      }),
    ).toBe("400 validation: Unknown material. (at /materials/0/materialGuid)");
  });

  it("waits what Retry-After says, in seconds or as a date, within an hour; 5 s without it", () => {
    expect(retryAfterSeconds("12")).toBe(12);
    expect(retryAfterSeconds("0")).toBe(0);
    expect(retryAfterSeconds(null)).toBe(5);
    expect(retryAfterSeconds("soon")).toBe(5);
    expect(retryAfterSeconds("99999")).toBe(3600);
    const now = Date.parse("2026-12-02T10:00:00Z");
    expect(retryAfterSeconds("Wed, 02 Dec 2026 10:00:30 GMT", now)).toBe(30);
    expect(retryAfterSeconds("Wed, 02 Dec 2026 09:00:00 GMT", now)).toBe(0);
  });
});
