import "server-only";
import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: string | undefined;

/**
 * The key that signs session cookies. AUTH_SECRET when set (required for PostgreSQL in
 * production, where every instance must share it). The embedded single-machine setup makes
 * one on first start and keeps it inside its data folder, so sign-ins survive a restart and no
 * two data folders share a key. Start-up calls this once (db/startup.ts), so a key file it must
 * refuse stops the server before it listens.
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
  return (cached = loadKeyFile(keyFilePath(env.PGLITE_DATA_DIR)));
}

/** The key file of an embedded database: inside its folder, never beside it. */
export function keyFilePath(dataDir: string): string {
  return path.join(path.resolve(dataDir), "auth-secret");
}

/**
 * Reads the key file, creating it first when missing. Creation is exclusive (`wx`) with mode
 * 0600, so a file someone else planted is never silently reused as ours by a race; a file that
 * is not a regular file, or that others may write (group/other write bit), is refused: whoever
 * can write it can forge every session.
 */
export function loadKeyFile(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const stat = lstatSync(file);
  if (!stat.isFile()) {
    throw new Error(`Session key file ${file} is not a regular file; remove it and start again.`);
  }
  if (stat.mode & 0o022) {
    const mode = (stat.mode & 0o777).toString(8).padStart(3, "0");
    throw new Error(
      `Session key file ${file} can be written by other users (mode ${mode}); run \`chmod 600 ${file}\` (or delete it to make a new key, which signs everyone out) and start again.`,
    );
  }
  const key = readFileSync(file, "utf8").trim();
  if (key.length < 32) {
    throw new Error(
      `Session key file ${file} holds fewer than 32 characters; delete it and start again.`,
    );
  }
  return key;
}
