import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { timeBoundsProblem } from "@/lib/validation/api-v1";
import { assertJson, parseJson, readBodyText } from "./body";
import { ApiProblem, jsonPointer, problemHttpResponse, validationProblem } from "./problem";

describe("JSON pointers and validation problems", () => {
  it("escapes ~ and / (RFC 6901) and writes indexes as digits", () => {
    expect(jsonPointer([])).toBe("");
    expect(jsonPointer(["events", 3, "occurredAt"])).toBe("/events/3/occurredAt");
    expect(jsonPointer(["a/b", "c~d"])).toBe("/a~1b/c~0d");
  });

  it("names every bad field, each unknown key on its own", () => {
    const schema = z.object({ items: z.array(z.object({ n: z.number() }).strict()) }).strict();
    const parsed = schema.safeParse({ items: [{ n: 1 }, { n: "x", extra: 1, more: 2 }], top: 1 });
    expect(parsed.success).toBe(false);
    const problem = validationProblem(parsed.error!.issues, "body");
    expect(problem.status).toBe(400);
    expect(problem.errors!.map((e) => e.pointer).sort()).toEqual(
      ["/items/1/extra", "/items/1/more", "/items/1/n", "/top"].sort(),
    );
    expect(problem.errors!.find((e) => e.pointer === "/top")!.detail).toBe("Unknown field: top.");
    const missing = validationProblem(
      z.object({ a: z.string() }).safeParse({}).error!.issues,
      "body",
    );
    expect(missing.errors).toEqual([{ pointer: "/a", detail: "Required." }]);
    expect(missing.message).toBe("/a: Required.");
  });

  it("names query and path parameters by name", () => {
    const parsed = z.object({ limit: z.coerce.number().max(5) }).safeParse({ limit: "9" });
    expect(validationProblem(parsed.error!.issues, "query").errors).toEqual([
      expect.objectContaining({ parameter: "limit" }),
    ]);
  });
});

describe("problem responses", () => {
  it("are application/problem+json with an absolute type URI and the status", async () => {
    const res = problemHttpResponse(
      new ApiProblem("rate-limited", "Slow down.", { headers: { "retry-after": "7" } }),
      "https://pc.example",
      "/api/v1/printers",
    );
    expect(res.status).toBe(429);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("retry-after")).toBe("7");
    expect(await res.json()).toEqual({
      type: "https://pc.example/developers/api#problem-rate-limited",
      title: "Too many requests",
      status: 429,
      detail: "Slow down.",
      instance: "/api/v1/printers",
    });
  });

  it("ask for a bearer token on 401, map shared AppErrors, and rethrow anything else", () => {
    const res = problemHttpResponse(new ApiProblem("unauthorized", "No."), "https://pc.example");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const mapped = problemHttpResponse(
      new AppError({ code: "forbidden", status: 403, title: "t", message: "m" }),
      "https://pc.example",
    );
    expect(mapped.status).toBe(403);
    const bug = new TypeError("boom");
    expect(() => problemHttpResponse(bug, "https://pc.example")).toThrow(bug);
  });
});

describe("request bodies", () => {
  const req = (body: BodyInit | null, headers: Record<string, string> = {}) =>
    new Request("http://x/api/v1/diagnostics", {
      method: "POST",
      body,
      headers,
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit);

  it("takes JSON types only", () => {
    expect(() =>
      assertJson(req("{}", { "content-type": "application/json; charset=utf-8" })),
    ).not.toThrow();
    expect(() =>
      assertJson(req("{}", { "content-type": "application/merge-patch+json" })),
    ).not.toThrow();
    for (const type of ["text/plain", "application/x-www-form-urlencoded", ""]) {
      const headers: Record<string, string> = type ? { "content-type": type } : {};
      const request = req("{}", headers);
      if (!type) request.headers.delete("content-type");
      expect(() => assertJson(request)).toThrow(expect.objectContaining({ status: 415 }));
    }
  });

  it("reads up to the cap and refuses past it, also when Content-Length is absent or lies", async () => {
    expect(await readBodyText(req("x".repeat(10)), 10)).toBe("x".repeat(10));
    await expect(readBodyText(req("x".repeat(11)), 10)).rejects.toMatchObject({ status: 413 });
    const stream = () =>
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new Uint8Array(8));
          c.enqueue(new Uint8Array(8));
          c.close();
        },
      });
    await expect(readBodyText(req(stream()), 10)).rejects.toMatchObject({ status: 413 });
    await expect(readBodyText(req(stream(), { "content-length": "4" }), 10)).rejects.toMatchObject({
      status: 413,
    });
    expect(await readBodyText(req(stream()), 16)).toHaveLength(16);
  });

  it("refuses JSON that does not parse with a validation problem", () => {
    expect(parseJson('{"a":1}')).toEqual({ a: 1 });
    expect(() => parseJson("{")).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe("time bounds", () => {
  const now = Date.parse("2026-06-01T12:00:00Z");
  it("allows up to 5 minutes ahead and up to the retention period back", () => {
    expect(timeBoundsProblem(new Date(now + 5 * 60_000), 730, now)).toBeNull();
    expect(timeBoundsProblem(new Date(now + 5 * 60_000 + 1), 730, now)).toMatch(/future/);
    expect(timeBoundsProblem(new Date(now - 730 * 86_400_000), 730, now)).toBeNull();
    expect(timeBoundsProblem(new Date(now - 730 * 86_400_000 - 1), 730, now)).toBe(
      "Must not be more than 730 days in the past.",
    );
  });
});
