/**
 * What the two-instance harness (scripts/e2e-multi-server.mjs) started: the proxy, each
 * instance's own address, the database they share and each instance's log file.
 */
import { mkdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import postgres from "postgres";
import type { TestUser } from "../fixtures/users";

type Harness = {
  proxy: string;
  instances: [string, string];
  databaseUrl: string;
  holdersFile: string;
  logs: [string, string];
};

const port = process.env.E2E_PORT ?? "3143";
export const harness = JSON.parse(
  readFileSync(path.resolve(`test-results/e2e-multi-${port}.json`), "utf8"),
) as Harness;
export const [instanceA, instanceB] = harness.instances;

let client: postgres.Sql | undefined;
/** The shared database, for checking what both instances did (read-mostly; tests own rows). */
export function database(): postgres.Sql {
  client ??= postgres(harness.databaseUrl, { max: 2, onnotice: () => {} });
  return client;
}

/** Signs in through one instance directly (cookies are per host, so the other sees them too). */
export async function signInAt(
  page: Page,
  origin: string,
  user: Pick<TestUser, "email" | "password">,
) {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * A seeded, verified account holder of this test's own (scripts/e2e-seed.ts): quicker than a
 * sign-up through the mailed link, which the specs that test mail do themselves.
 */
export function seededHolder(): TestUser {
  const holders = JSON.parse(readFileSync(harness.holdersFile, "utf8")) as TestUser[];
  // The last two are the heavy holders (heavyHolder below).
  for (let i = 0; i < holders.length - 2; i++) {
    try {
      mkdirSync(`${harness.holdersFile}.claims/${i}`);
      return holders[i]!;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  throw new Error("All seeded holders are taken: raise the count in scripts/e2e-multi-server.mjs.");
}

/** A seeded holder with many print jobs (its export runs for a while): 0 or 1, one per spec. */
export function heavyHolder(which: 0 | 1): TestUser {
  const holders = JSON.parse(readFileSync(harness.holdersFile, "utf8")) as TestUser[];
  const index = holders.length - 1 - which;
  // Taken like a fixture's claim, so no other test hands it out as well.
  mkdirSync(`${harness.holdersFile}.claims/${index}`, { recursive: true });
  return holders[index]!;
}

export type StalledDownload = {
  status: number;
  exportId: string | undefined;
  /** Reads on to the end: "complete" when the body ended properly, "broken" when cut off. */
  finish(): Promise<"complete" | "broken">;
  /** The client goes away. */
  cancel(): void;
};

/**
 * Starts a download and stops reading after its first bytes. node:http's pause stops reading
 * the socket, so TCP pushes back on the server (fetch would keep buffering the whole body).
 */
export function stalledDownload(url: string, cookie: string): Promise<StalledDownload> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { cookie } }, (response) => {
      let ended = false;
      const outcome = new Promise<"complete" | "broken">((done) => {
        response.on("end", () => {
          ended = true;
          done("complete");
        });
        response.on("close", () => done(ended ? "complete" : "broken"));
        response.on("error", () => done("broken"));
      });
      const answer = {
        status: response.statusCode ?? 0,
        exportId: response.headers["x-export-id"] as string | undefined,
        finish: () => {
          response.on("data", () => {});
          response.resume();
          return outcome;
        },
        cancel: () => request.destroy(),
      };
      if (answer.status !== 200) {
        response.resume();
        resolve(answer);
        return;
      }
      response.once("data", () => {
        response.pause();
        resolve(answer);
      });
    });
    request.on("error", reject);
  });
}

/** The Cookie header of `page`'s browser, for a download read with fetch (to control pacing). */
export async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** Reads a body to its end; rejects when the server broke it off. */
export async function readToEnd(body: ReadableStream<Uint8Array>): Promise<number> {
  const reader = body.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.length;
  }
}

export { expect };
