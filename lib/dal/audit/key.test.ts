import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";

const LABEL = "privacy-center/audit-chain/v1";
const derived = (secret: string) => createHmac("sha256", secret).update(LABEL).digest();

/** auditKey() as a fresh process with exactly these settings would compute it. */
async function keyWith(settings: Record<string, string>) {
  vi.resetModules();
  for (const name of ["AUDIT_KEY", "AUTH_SECRET", "DATABASE_URL", "PGLITE_DATA_DIR"]) {
    vi.stubEnv(name, settings[name] ?? "");
  }
  vi.stubEnv("NODE_ENV", settings.NODE_ENV ?? "test");
  vi.doMock("@/lib/auth/secret", () => ({ authSecret: () => "the embedded key file's secret" }));
  const { auditKey } = await import("./key");
  return () => auditKey();
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.doUnmock("@/lib/auth/secret");
});

describe("auditKey", () => {
  const auditKey = "k".repeat(40);
  const authSecret = "s".repeat(64);
  const postgres = "postgres://db.example/pc";

  it("takes AUDIT_KEY as given, before AUTH_SECRET", async () => {
    const key = await keyWith({ AUDIT_KEY: auditKey, AUTH_SECRET: authSecret });
    expect(key()).toEqual(Buffer.from(auditKey, "utf8"));
  });

  it("derives the key from AUTH_SECRET without using it as is", async () => {
    const key = await keyWith({ AUTH_SECRET: authSecret, NODE_ENV: "production" });
    expect(key()).toEqual(derived(authSecret));
    expect(key().toString("utf8")).not.toContain(authSecret);
  });

  it("refuses production on PostgreSQL without AUDIT_KEY or AUTH_SECRET, naming AUDIT_KEY", async () => {
    const key = await keyWith({ DATABASE_URL: postgres, NODE_ENV: "production" });
    expect(key).toThrow(/^AUDIT_KEY: required .* production against PostgreSQL/);
  });

  it("derives it from the embedded database's key file in development and production", async () => {
    for (const NODE_ENV of ["development", "production"]) {
      const key = await keyWith({ PGLITE_DATA_DIR: "/srv/pc/pglite", NODE_ENV });
      expect(key(), NODE_ENV).toEqual(derived("the embedded key file's secret"));
    }
  });

  it("uses one fixed development key in tests and on PostgreSQL in development", async () => {
    const inTests = (await keyWith({ PGLITE_DATA_DIR: "/srv/pc/pglite" }))();
    const devPostgres = (await keyWith({ DATABASE_URL: postgres, NODE_ENV: "development" }))();
    expect(inTests).toEqual(devPostgres);
    expect(inTests).toHaveLength(32);
    expect(inTests).not.toEqual(derived("the embedded key file's secret"));
    expect(inTests).not.toEqual(derived(authSecret));
  });
});
