import { env } from "@/lib/env";
import { errorForLog } from "@/lib/safe-error";

const levels = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof levels;

/** A field as logged: an Error becomes its name, code and message, never a statement or values. */
const safeField = (_: string, value: unknown) =>
  value instanceof Error ? errorForLog(value) : value;

function write(level: Level, message: string, fields?: Record<string, unknown>) {
  if (levels[level] < levels[env.LOG_LEVEL]) return;
  const line = fields ? `${message} ${JSON.stringify(fields, safeField)}` : message;
  (level === "error" || level === "warn" ? console.error : console.log)(`[${level}] ${line}`);
}

/**
 * The app's logger. Never pass secrets, passwords, tokens or full request bodies: callers log
 * ids and outcomes only. An Error passed as a field is logged as name, code and message, and a
 * database error never with its SQL or parameters (lib/safe-error.ts).
 */
export const log = {
  debug: (m: string, f?: Record<string, unknown>) => write("debug", m, f),
  info: (m: string, f?: Record<string, unknown>) => write("info", m, f),
  warn: (m: string, f?: Record<string, unknown>) => write("warn", m, f),
  error: (m: string, f?: Record<string, unknown>) => write("error", m, f),
};
