import { describe, expect, it } from "vitest";
import { parseEnv } from "./env-schema";

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
