import { env } from "@/lib/env";
import { formatLogLine, type LogLevel } from "@/lib/server/log-line";
import { currentRequestId } from "@/lib/server/request-context";

const levels = { debug: 10, info: 20, warn: 30, error: 40 } as const;

function write(level: LogLevel, message: string, fields?: Record<string, unknown>) {
  if (levels[level] < levels[env.LOG_LEVEL]) return;
  const line = formatLogLine(level, message, fields, currentRequestId());
  (level === "error" || level === "warn" ? console.error : console.log)(line);
}

/**
 * The app's logger: one JSON object per line (time, level, msg, requestId, fields), the request
 * id being that of the HTTP request served when the line was written (lib/server/request-context).
 * Never pass secrets, passwords, tokens, email addresses, names or request bodies: callers log
 * ids and outcomes only. An Error passed as a field is logged as name, code and message, and a
 * database error never with its SQL or parameters (lib/safe-error.ts).
 */
export const log = {
  debug: (m: string, f?: Record<string, unknown>) => write("debug", m, f),
  info: (m: string, f?: Record<string, unknown>) => write("info", m, f),
  warn: (m: string, f?: Record<string, unknown>) => write("warn", m, f),
  error: (m: string, f?: Record<string, unknown>) => write("error", m, f),
};
