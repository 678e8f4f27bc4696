/**
 * One log line: a JSON object with time, level, msg, requestId (when serving a request) and
 * fields. Used by lib/log.ts and by server.ts, so every line the server writes parses the same.
 */
import { errorForLog } from "../safe-error";

export type LogLevel = "debug" | "info" | "warn" | "error";

/** A field as logged: an Error becomes its name, code and message, never a statement or values. */
const safeField = (_: string, value: unknown) =>
  value instanceof Error ? errorForLog(value) : value;

export function formatLogLine(
  level: LogLevel,
  msg: string,
  fields: Record<string, unknown> | undefined,
  requestId: string | undefined,
  now: Date = new Date(),
): string {
  return JSON.stringify({ time: now.toISOString(), level, msg, requestId, fields }, safeField);
}
