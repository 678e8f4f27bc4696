import { afterAll, inject, vi } from "vitest";

// The DAL reads cookies and headers through next/headers; tests supply them in memory.
vi.mock("next/headers", async () => (await import("./next-request-mock")).nextHeadersMock);

// On the postgres project the global setup made a fresh database; point this worker at it
// before any test module reads the environment.
const url = inject("testDatabaseUrl");
if (url) process.env.DATABASE_URL = url;

afterAll(async () => {
  // A test that enqueued or started jobs leaves pg-boss on the database: stop it first.
  const { stopJobs } = await import("@/lib/jobs");
  await stopJobs();
  const { closeDb } = await import("@/db");
  await closeDb();
});
