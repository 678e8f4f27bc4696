import { afterEach, describe, expect, it, vi } from "vitest";
import { formatLogLine } from "./log-line";
import { currentRequestId, requestIdFor, runWithRequestId } from "./request-context";

describe("requestIdFor", () => {
  it("keeps a sane id from a trusted proxy", () => {
    expect(requestIdFor("proxy-1234abcd", true)).toBe("proxy-1234abcd");
    expect(requestIdFor(["a1b2c3d4-e5f6", "other"], true)).toBe("a1b2c3d4-e5f6");
  });

  it.each([
    ["from an untrusted client", "client-chosen-id", false],
    ["too short", "abc", true],
    ["too long", "x".repeat(129), true],
    ["with a quote (could forge a field)", 'abcdefgh","level":"error', true],
    ["with a space", "abcd efgh", true],
    ["with a newline", "abcdefgh\nfake line", true],
    ["missing", undefined, true],
  ])("makes a new one when the id is %s", (_, given, trusted) => {
    const id = requestIdFor(given as string | undefined, trusted as boolean);
    expect(id).not.toBe(given);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("makes a different one each time", () => {
    expect(requestIdFor(undefined, false)).not.toBe(requestIdFor(undefined, false));
  });
});

describe("runWithRequestId", () => {
  it("is seen through awaits, timers and nested calls, and not outside", async () => {
    expect(currentRequestId()).toBeUndefined();
    const seen = await runWithRequestId("req-00000001", async () => {
      await new Promise((r) => setTimeout(r, 1));
      const inner = await Promise.resolve().then(() => currentRequestId());
      return [currentRequestId(), inner];
    });
    expect(seen).toEqual(["req-00000001", "req-00000001"]);
    expect(currentRequestId()).toBeUndefined();
  });

  it("keeps concurrent requests apart", async () => {
    const one = (id: string, ms: number) =>
      runWithRequestId(id, async () => {
        await new Promise((r) => setTimeout(r, ms));
        return currentRequestId();
      });
    expect(await Promise.all([one("req-aaaaaaaa", 5), one("req-bbbbbbbb", 1)])).toEqual([
      "req-aaaaaaaa",
      "req-bbbbbbbb",
    ]);
  });
});

describe("formatLogLine", () => {
  afterEach(() => vi.useRealTimers());

  it("writes one JSON object with time, level, msg, requestId and fields", () => {
    const line = formatLogLine(
      "warn",
      "mail failed",
      { attempts: 2 },
      "req-12345678",
      new Date("2026-12-02T01:02:03.004Z"),
    );
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({
      time: "2026-12-02T01:02:03.004Z",
      level: "warn",
      msg: "mail failed",
      requestId: "req-12345678",
      fields: { attempts: 2 },
    });
  });

  it("leaves out what it does not have, and a message with newlines stays one line", () => {
    const line = formatLogLine("info", "first\nsecond", undefined, undefined);
    expect(line.split("\n")).toHaveLength(1);
    expect(Object.keys(JSON.parse(line) as object)).toEqual(["time", "level", "msg"]);
  });

  it("logs an Error field without its SQL or parameters", () => {
    const error = Object.assign(new Error("boom"), { query: "select secret", params: ["x"] });
    const parsed = JSON.parse(formatLogLine("error", "failed", { error }, undefined)) as {
      fields: { error: Record<string, unknown> };
    };
    expect(parsed.fields.error).toEqual({
      name: "DatabaseError",
      message: "Database query failed: boom",
    });
    expect(JSON.stringify(parsed)).not.toMatch(/select secret|params/);
  });
});
