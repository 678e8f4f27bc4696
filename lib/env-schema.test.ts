import { describe, expect, it } from "vitest";
import { parseEnv, productionStartProblem, seedsDemoDataOnStart } from "./env-schema";

describe("parseEnv", () => {
  it("fills in defaults for the embedded setup", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe(".data/pglite");
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(parseEnv({ PORT: "4100" }).APP_URL).toBe("http://localhost:4100");
  });

  it("names every bad variable in one message", () => {
    expect(() =>
      parseEnv({ DATABASE_URL: "mysql://x", PORT: "99999", SMTP_URL: "http://mail" }),
    ).toThrow(/DATABASE_URL[\s\S]*SMTP_URL|SMTP_URL[\s\S]*DATABASE_URL/);
    expect(() => parseEnv({ PORT: "99999" })).toThrow(/PORT/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", SMTP_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("accepts a PostgreSQL URL and booleans", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u@h:5432/db", SEED_DEMO_DATA: "true" });
    expect(env.DATABASE_URL).toBe("postgresql://u@h:5432/db");
    expect(env.SEED_DEMO_DATA).toBe(true);
  });
});

describe("productionStartProblem", () => {
  const production = { NODE_ENV: "production" };
  const secret = "s".repeat(32);

  it("stops a production start on PostgreSQL without AUTH_SECRET, naming the variable", () => {
    const env = parseEnv({ ...production, DATABASE_URL: "postgres://u@h/db" });
    expect(productionStartProblem(env)).toMatch(/^AUTH_SECRET: required in production/);
    expect(productionStartProblem({ ...env, AUTH_SECRET: secret })).toBeUndefined();
    // Development and the embedded database make their own key.
    expect(productionStartProblem({ ...env, NODE_ENV: "development" })).toBeUndefined();
    expect(productionStartProblem(parseEnv(production))).toBeUndefined();
  });

  it("refuses demo seeding in production unless DEMO_MODE is set explicitly", () => {
    const env = parseEnv({ ...production, SEED_DEMO_DATA: "true" });
    expect(env.DEMO_MODE).toBe(false);
    expect(productionStartProblem(env)).toMatch(/^SEED_DEMO_DATA: .*DEMO_MODE=true/);
    const demo = parseEnv({ ...production, SEED_DEMO_DATA: "true", DEMO_MODE: "true" });
    expect(demo.DEMO_MODE).toBe(true);
    expect(productionStartProblem(demo)).toBeUndefined();
  });
});

describe("seedsDemoDataOnStart", () => {
  it("never seeds a production start implicitly, embedded or not", () => {
    expect(seedsDemoDataOnStart(parseEnv({ NODE_ENV: "production" }))).toBe(false);
    expect(seedsDemoDataOnStart(parseEnv({ NODE_ENV: "production", DEMO_MODE: "true" }))).toBe(
      false,
    );
    expect(seedsDemoDataOnStart(parseEnv({ NODE_ENV: "production", SEED_DEMO_DATA: "true" }))).toBe(
      false,
    );
    expect(
      seedsDemoDataOnStart(
        parseEnv({ NODE_ENV: "production", SEED_DEMO_DATA: "true", DEMO_MODE: "yes" }),
      ),
    ).toBe(true);
  });

  it("seeds in development by default only for the embedded database", () => {
    expect(seedsDemoDataOnStart(parseEnv({ NODE_ENV: "development" }))).toBe(true);
    const pg = { NODE_ENV: "development", DATABASE_URL: "postgres://u@h/db" };
    expect(seedsDemoDataOnStart(parseEnv(pg))).toBe(false);
    expect(seedsDemoDataOnStart(parseEnv({ ...pg, SEED_DEMO_DATA: "true" }))).toBe(true);
    expect(seedsDemoDataOnStart(parseEnv({ NODE_ENV: "development", SEED_DEMO_DATA: "0" }))).toBe(
      false,
    );
  });

  it("rejects a DEMO_MODE that is not a yes or a no", () => {
    expect(() => parseEnv({ DEMO_MODE: "maybe" })).toThrow(/DEMO_MODE/);
  });
});
