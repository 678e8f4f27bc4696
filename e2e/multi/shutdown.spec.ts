// Graceful shutdown (server.ts): on SIGTERM an instance stops taking requests, lets a running
// export finish within the drain window, aborts one that is still running when the window ends
// (the client sees a broken download, the history says it did not finish) and exits 0.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { uniqueIp } from "../fixtures/users";
import {
  cookieHeader,
  database,
  harness,
  heavyHolder,
  seededHolder,
  signInAt,
  stalledDownload,
} from "./harness";

const port = Number(new URL(harness.proxy).port) + 5;
const origin = `http://127.0.0.1:${port}`;

test("SIGTERM finishes a short export, aborts a stalled one cleanly and exits", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const env = JSON.parse(
    readFileSync(
      path.resolve(`test-results/e2e-multi-${new URL(harness.proxy).port}.env.json`),
      "utf8",
    ),
  ) as Record<string, string>;
  // node itself, as the Dockerfile runs it: the signal reaches the server, and a kill leaves
  // no grandchild behind holding the port.
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      EXPORT_MAX_CONCURRENT: "4",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  try {
    await expect
      .poll(
        async () => {
          if (child.exitCode !== null) throw new Error(`instance exited:\n${output}`);
          return (await fetch(`${origin}/api/health/ready`).catch(() => null))?.status;
        },
        { timeout: 120_000 },
      )
      .toBe(200);

    const page = await (
      await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } })
    ).newPage();
    const holder = heavyHolder(1);
    await signInAt(page, origin, holder);
    await expect(page).toHaveURL(/\/account$/);
    const cookie = await cookieHeader(page);

    // The whole export, stalled after its first bytes (the client stops reading)…
    const stalled = await stalledDownload(`${origin}/api/export?format=json`, cookie);
    expect(stalled.status).toBe(200);
    const stalledId = stalled.exportId!;
    // …and another account's small one (one category) that its client reads after the signal.
    const otherPage = await (
      await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } })
    ).newPage();
    await signInAt(otherPage, origin, seededHolder());
    await expect(otherPage).toHaveURL(/\/account$/);
    const small = await fetch(`${origin}/api/export?format=json&categories=profile`, {
      headers: { cookie: await cookieHeader(otherPage) },
    });
    expect(small.status).toBe(200);
    const smallId = small.headers.get("x-export-id")!;

    const signalledAt = Date.now();
    child.kill("SIGTERM");
    const document = JSON.parse(await new Response(small.body).text()) as object;
    expect(document).toHaveProperty("manifest");

    // New connections are no longer taken.
    await expect
      .poll(
        async () =>
          (await fetch(`${origin}/api/health/live`).catch(() => null))?.status ?? "refused",
      )
      .toBe("refused");

    // Still stalled when the drain window ends (7 s): it is aborted, and the download breaks
    // off instead of ending like a complete file.
    await expect.poll(() => output, { timeout: 15_000 }).toContain("Drain window over");
    expect(await stalled.finish()).toBe("broken");
    expect(await exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(15_000);

    const rows =
      await database()`select id, status, error, sha256 from export_history where id in (${stalledId}, ${smallId})`;
    const byId = new Map(rows.map((r) => [r.id as string, r]));
    expect(byId.get(smallId)).toMatchObject({ status: "completed" });
    expect(byId.get(stalledId)).toMatchObject({
      status: "failed",
      error: "The server restarted before the download finished.",
      sha256: null,
    });
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
  }
});
