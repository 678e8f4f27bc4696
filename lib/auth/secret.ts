import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: string | undefined;

/**
 * The key that signs session cookies. AUTH_SECRET when set (required for PostgreSQL in
 * production, where every instance must share it). The embedded single-machine setup makes
 * one on first start and keeps it beside its data, so sign-ins survive a restart.
 */
export function authSecret(): string {
  if (cached) return cached;
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  if (env.DATABASE_URL && env.NODE_ENV === "production") {
    throw new Error(
      "AUTH_SECRET: required when running in production against PostgreSQL (all instances must share it). Generate one with `openssl rand -hex 32`.",
    );
  }
  if (env.PGLITE_DATA_DIR.startsWith("memory://") || env.DATABASE_URL) {
    return (cached = randomBytes(32).toString("hex"));
  }
  const file = path.join(path.dirname(path.resolve(env.PGLITE_DATA_DIR)), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return (cached = readFileSync(file, "utf8").trim());
}
