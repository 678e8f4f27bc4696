import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { printers, printerStatusEvents } from "@/db/schema";
import { createAccount } from "@/db/testing/auth";
import { createTestApiToken } from "./testing";
import * as printerRoute from "@/app/api/v1/printers/[serial]/route";
import * as statusRoute from "@/app/api/v1/printers/[serial]/status/route";
import * as batchRoute from "@/app/api/v1/printers/status/batch/route";
import * as tokenRoute from "@/app/api/v1/token/route";

const base = "http://localhost/api/v1";
type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(
  handler: Handler,
  path: string,
  opts: {
    method?: string;
    secret?: string;
    body?: unknown;
    headers?: Record<string, string>;
    params?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.secret) headers.authorization = `Bearer ${opts.secret}`;
  if (opts.body !== undefined) headers["content-type"] ??= "application/json";
  const res = await handler(
    new Request(`${base}${path}`, {
      method: opts.method ?? (opts.body === undefined ? "GET" : "POST"),
      headers,
      body:
        opts.body === undefined
          ? undefined
          : typeof opts.body === "string"
            ? opts.body
            : JSON.stringify(opts.body),
    }),
    { params: Promise.resolve(opts.params ?? {}) },
  );
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

const printer = { name: "Garage S5", model: "Ultimaker S5", firmware: "8.3.0" };
const ago = (s: number) => new Date(Date.now() - s * 1000).toISOString();

describe("api v1 printers over the route handlers", () => {
  it("registers, answers 200 on update, stores status and replays a batch", async () => {
    const holder = await createAccount();
    const { secret } = await createTestApiToken(holder.id, ["printers:write", "printers:read"]);
    const who = await call(tokenRoute.GET as Handler, "/token", { secret });
    expect(who.status).toBe(200);
    expect(who.json).toMatchObject({
      kind: "printer",
      scopes: ["printers:write", "printers:read"],
    });

    const put = (body: unknown) =>
      call(printerRoute.PUT as Handler, "/printers/S5-001", {
        method: "PUT",
        secret,
        body,
        params: { serial: "S5-001" },
      });
    expect((await put(printer)).status).toBe(201);
    const again = await put({ ...printer, firmware: "8.4.0" });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ serial: "S5-001", firmware: "8.4.0", status: "offline" });

    const one = await call(statusRoute.POST as Handler, "/printers/S5-001/status", {
      secret,
      body: { status: "printing", occurredAt: ago(60) },
      params: { serial: "S5-001" },
    });
    expect(one).toMatchObject({ status: 201, json: { stored: 1 } });

    const events = [
      { serial: "S5-001", status: "idle", occurredAt: ago(30) },
      { serial: "S5-001", status: "paused", occurredAt: ago(45) },
    ];
    const key = { "idempotency-key": `k-${Date.now()}` };
    const first = await call(batchRoute.POST as Handler, "/printers/status/batch", {
      secret,
      body: { events },
      headers: key,
    });
    expect(first).toMatchObject({ status: 201, json: { stored: 2 } });
    const replay = await call(batchRoute.POST as Handler, "/printers/status/batch", {
      secret,
      body: { events },
      headers: key,
    });
    expect(replay).toMatchObject({ status: 201, json: { stored: 2 } });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");

    const db = await getDb();
    const [p] = await db.select().from(printers).where(eq(printers.userId, holder.id));
    expect(p!.status).toBe("idle");
    const rows = await db
      .select()
      .from(printerStatusEvents)
      .where(eq(printerStatusEvents.userId, holder.id));
    expect(rows).toHaveLength(3);
  });
});
