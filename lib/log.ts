import { env } from "@/lib/env";

const levels = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof levels;

function write(level: Level, message: string, fields?: Record<string, unknown>) {
  if (levels[level] < levels[env.LOG_LEVEL]) return;
  const line = fields ? `${message} ${JSON.stringify(fields)}` : message;
  (level === "error" || level === "warn" ? console.error : console.log)(`[${level}] ${line}`);
}

/**
 * The app's logger. Never pass secrets, passwords, tokens or full request bodies: callers log
 * ids and outcomes only.
 */
export const log = {
  debug: (m: string, f?: Record<string, unknown>) => write("debug", m, f),
  info: (m: string, f?: Record<string, unknown>) => write("info", m, f),
  warn: (m: string, f?: Record<string, unknown>) => write("warn", m, f),
  error: (m: string, f?: Record<string, unknown>) => write("error", m, f),
};
