import { randomUUID } from "node:crypto";
import http from "node:http";
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { expect, test } from "./fixtures/users";

// The ingestion API over HTTP against the built app. Each test's account holder makes a token
// through the access-tokens page, as a person would (default scopes: a printer's write scopes —
// status, print jobs, diagnostics — no read scope); the requests then carry only that token.

async function createToken(page: Page, name: string): Promise<string> {
  await page.goto("/account/data/access-tokens");
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token-secret").textContent())!.trim();
  expect(secret).toMatch(/^pct_/);
  return secret;
}

const auth = (secret: string) => ({ authorization: `Bearer ${secret}` });
const ago = (s: number) => new Date(Date.now() - s * 1000).toISOString();
const printer = { name: "Garage S5", model: "Ultimaker S5", firmware: "8.3.0" };

async function register(request: APIRequestContext, secret: string, serial: string) {
  const res = await request.put(`/api/v1/printers/${serial}`, {
    headers: auth(secret),
    data: printer,
  });
  expect(res.status()).toBe(201);
}

test("a token registers a printer, reports status, and a batch replays once", async ({
  page,
  request,
  account: _,
}) => {
  const secret = await createToken(page, "Garage S5");
  const who = await request.get("/api/v1/token", { headers: auth(secret) });
  expect(who.status()).toBe(200);
  expect(await who.json()).toMatchObject({
    name: "Garage S5",
    kind: "printer",
    scopes: ["printers:write", "print-jobs:write", "diagnostics:write"],
  });

  const serial = `S5-${randomUUID().slice(0, 8)}`;
  await register(request, secret, serial);
  const update = await request.put(`/api/v1/printers/${serial}`, {
    headers: auth(secret),
    data: { ...printer, firmware: "8.4.0" },
  });
  expect(update.status()).toBe(200);
  expect(await update.json()).toMatchObject({ serial, firmware: "8.4.0" });

  const status = await request.post(`/api/v1/printers/${serial}/status`, {
    headers: auth(secret),
    data: { status: "printing", occurredAt: ago(30) },
  });
  expect(status.status()).toBe(201);

  const headers = { ...auth(secret), "idempotency-key": `batch-${randomUUID()}` };
  const data = {
    events: [
      { serial, status: "paused", occurredAt: ago(20) },
      { serial, status: "idle", occurredAt: ago(10) },
    ],
  };
  const first = await request.post("/api/v1/printers/status/batch", { headers, data });
  expect(first.status()).toBe(201);
  expect(await first.json()).toEqual({ stored: 2 });
  const replay = await request.post("/api/v1/printers/status/batch", { headers, data });
  expect(replay.status()).toBe(201);
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  expect(await replay.json()).toEqual({ stored: 2 });
  const conflict = await request.post("/api/v1/printers/status/batch", {
    headers,
    data: { events: data.events.slice(0, 1) },
  });
  expect(conflict.status()).toBe(422);

  // The holder sees what arrived: one printer, idle (the newest event), three events stored.
  await page.goto("/account/data/printers");
  await expect(page.getByRole("main")).toContainText("Garage S5");

  const job = await request.post("/api/v1/print-jobs", {
    headers: auth(secret),
    data: {
      printerSerial: serial,
      name: "bracket.ufp",
      status: "printing",
      createdAt: ago(600),
      samples: [{ sampledAt: ago(500), nozzleC: 210, bedC: 60 }],
    },
  });
  expect(job.status()).toBe(201);
  const { id } = (await job.json()) as { id: string };
  const patched = await request.patch(`/api/v1/print-jobs/${id}`, {
    headers: auth(secret),
    data: { status: "finished", finishedAt: ago(5) },
  });
  expect(patched.status()).toBe(200);
});

test("refusals are problem documents: 401, 403, 415, 413, 400 naming the field", async ({
  page,
  request,
  account: _,
}) => {
  const none = await request.get("/api/v1/token");
  expect(none.status()).toBe(401);
  expect(none.headers()["www-authenticate"]).toMatch(/^Bearer/);
  expect(none.headers()["content-type"]).toBe("application/problem+json");
  const unknown = await request.get("/api/v1/token", { headers: auth(`pct_${"A".repeat(43)}`) });
  expect(unknown.status()).toBe(401);

  const secret = await createToken(page, "Scopes");
  const read = await request.get("/api/v1/printers", { headers: auth(secret) });
  expect(read.status()).toBe(403);
  expect((await read.json()).detail).toContain("printers:read");

  const serial = `S5-${randomUUID().slice(0, 8)}`;
  const text = await request.put(`/api/v1/printers/${serial}`, {
    headers: { ...auth(secret), "content-type": "text/plain" },
    data: "name=Garage",
  });
  expect(text.status()).toBe(415);

  const big = await request.put(`/api/v1/printers/${serial}`, {
    headers: { ...auth(secret), "content-type": "application/json" },
    data: JSON.stringify({ ...printer, name: "x".repeat(1024 * 1024 + 10) }),
  });
  expect(big.status()).toBe(413);

  const bad = await request.put(`/api/v1/printers/${serial}`, {
    headers: auth(secret),
    data: { ...printer, firmware: "", colour: "red" },
  });
  expect(bad.status()).toBe(400);
  const problem = (await bad.json()) as {
    type: string;
    errors: { pointer: string; detail: string }[];
  };
  expect(problem.type).toMatch(/\/developers\/api#problem-validation$/);
  expect(problem.errors.map((e) => e.pointer).sort()).toEqual(["/colour", "/firmware"]);

  const batch = await request.post("/api/v1/printers/status/batch", {
    headers: { ...auth(secret), "idempotency-key": randomUUID() },
    data: {
      events: [{ serial, status: "idle", occurredAt: new Date(Date.now() + 3_600_000) }],
    },
  });
  expect(batch.status()).toBe(400);
  expect((await batch.json()).errors[0].pointer).toBe("/events/0/occurredAt");

  // Nothing above registered the printer.
  const status = await request.post(`/api/v1/printers/${serial}/status`, {
    headers: auth(secret),
    data: { status: "idle", occurredAt: ago(5) },
  });
  expect(status.status()).toBe(404);
});

test("restricting print jobs answers 409 and stores nothing; lifting it lets them in", async ({
  page,
  request,
  account: _,
}) => {
  const secret = await createToken(page, "Restricted");
  await page.goto("/account/processing");
  await page.getByRole("switch", { name: "Restrict print jobs" }).check();
  await expect(page.getByText("Restrict print jobs: on")).toBeVisible();

  const data = { name: "held.ufp", status: "finished", createdAt: ago(600) };
  const refused = await request.post("/api/v1/print-jobs", { headers: auth(secret), data });
  expect(refused.status()).toBe(409);
  const problem = await refused.json();
  expect(problem.type).toMatch(/#problem-restricted$/);
  expect(problem.detail).toContain("print-jobs");

  await page.goto("/account/data/print-jobs");
  await expect(page.getByRole("main")).not.toContainText("held.ufp");

  await page.goto("/account/processing");
  await page.getByRole("switch", { name: "Restrict print jobs" }).uncheck();
  await expect(page.getByText("Restrict print jobs: off")).toBeVisible();
  const stored = await request.post("/api/v1/print-jobs", { headers: auth(secret), data });
  expect(stored.status()).toBe(201);
  await page.goto("/account/data/print-jobs");
  await expect(page.getByRole("main")).toContainText("held.ufp");
});

test("a revoked token is refused on the very next request", async ({
  page,
  request,
  account: _,
}) => {
  const secret = await createToken(page, "Short lived");
  expect((await request.get("/api/v1/token", { headers: auth(secret) })).status()).toBe(200);
  await page.getByRole("button", { name: "Revoke Short lived" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("revoked", { exact: true })).toBeVisible();
  const after = await request.get("/api/v1/token", { headers: auth(secret) });
  expect(after.status()).toBe(401);
});

test("past the per-minute limit a token gets 429 with Retry-After", async ({
  page,
  request,
  account: _,
}) => {
  const secret = await createToken(page, "Chatty");
  // The limit is API_RATE_LIMIT_PER_MINUTE (600 on the e2e server). A burst that crosses a minute
  // boundary starts a fresh window, so keep going until a 429 comes or two windows are spent.
  let limited: APIResponse | null = null;
  for (let sent = 0; !limited && sent < 1300; sent += 50) {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => request.get("/api/v1/token", { headers: auth(secret) })),
    );
    limited = answers.find((a) => a.status() === 429) ?? null;
    for (const a of answers) expect([200, 429]).toContain(a.status());
  }
  expect(limited).not.toBeNull();
  const retryAfter = Number(limited!.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(((await limited!.json()) as { type: string }).type).toMatch(/#problem-rate-limited$/);
});

test("the OpenAPI document and the reference page are public", async ({ page, request }) => {
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  const json = (await doc.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(json.openapi).toBe("3.1.0");
  expect(Object.keys(json.paths)).toContain("/api/v1/printers/status/batch");

  await page.goto("/developers/api");
  await expect(
    page.getByRole("heading", { level: 1, name: "Ingestion API reference" }),
  ).toBeVisible();
  await expect(
    page.getByRole("heading", { name: /POST \/api\/v1\/printers\/status\/batch/ }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "OpenAPI 3.1 document" })).toHaveAttribute(
    "href",
    "/api/v1/openapi.json",
  );
});

test("the reference page reads well on a phone and has no accessibility violations", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  for (const width of [320, 390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/developers/api");
    await expect(page.getByRole("heading", { name: "Errors" })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
  }
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(errors).toEqual([]);
});

test("an API write without a length is refused at once, before any token is read", async ({
  baseURL,
}) => {
  // A body that never ends, sent without Content-Length: the server must answer straight away
  // (411), not buffer what comes until the client stops.
  const url = new URL("/api/v1/printers/status/batch", baseURL);
  const answer = await new Promise<{ status: number; type: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
        timeout: 5_000,
      },
      (res) => {
        resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]) });
        res.resume();
        req.destroy();
      },
    );
    req.on("timeout", () => reject(new Error("no answer within 5 s")));
    req.on("error", (error) => {
      if (!(error as NodeJS.ErrnoException).code?.startsWith("ECONNRESET")) reject(error);
    });
    req.write('{"events": [');
  });
  expect(answer.status).toBe(411);
  expect(answer.type).toContain("application/problem+json");
});
