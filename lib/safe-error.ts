/**
 * Database errors as they may be logged: what went wrong, never the statement or its values.
 *
 * drizzle wraps a failed query in an error whose message is "Failed query: <sql>\nparams: <values>"
 * and which keeps the query and parameters (user ids, emails, cursors from a URL) as properties;
 * PGlite's own error keeps them too. Printed by Next.js or our logger, that is personal data in
 * the log. `safeDbError` replaces such an error with one carrying only the SQLSTATE code, the
 * server's message with any quoted input value blanked out, and names (table, column,
 * constraint) that say where — so a log line stays useful and says nothing about anyone.
 */

/** Fields of a PostgreSQL error that name things in the schema, never a row's values. */
const NAMED = ["code", "severity", "schema", "table", "column", "constraint", "routine"] as const;

/** The server's message with quoted input values ("…: \"abc\"", "value \"99\" is …") blanked. */
export function redactDbMessage(message: string): string {
  return message
    .replace(/(:\s*)"[^"]*"/g, '$1"…"')
    .replace(/\bvalue "[^"]*"/g, 'value "…"')
    .replace(/\bvalue '[^']*'/g, "value '…'");
}

/** A database error without its statement, parameters or the values in its message. */
export class SafeDbError extends Error {
  readonly code?: string;
  readonly severity?: string;
  readonly schema?: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;
  readonly routine?: string;
  constructor(message: string, fields: Partial<Record<(typeof NAMED)[number], string>>) {
    super(message);
    this.name = "DatabaseError";
    Object.assign(this, fields);
  }
}

type Fields = Partial<Record<(typeof NAMED)[number], unknown>>;

function isQueryError(e: Error): boolean {
  return (
    e.name === "DrizzleQueryError" ||
    e.message.startsWith("Failed query:") ||
    "query" in e ||
    "params" in e ||
    "parameters" in e
  );
}

/**
 * The same error, safe to log: a query error (drizzle's wrapper or the driver's own) becomes a
 * SafeDbError with the original's stack frames; anything else is returned as it was.
 */
export function safeDbError(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof SafeDbError || !isQueryError(error)) {
    return error;
  }
  // The driver's error (with code and message) is drizzle's cause; a driver error stands alone.
  const source = (error.cause instanceof Error ? error.cause : error) as Error & Fields;
  const fields: Partial<Record<(typeof NAMED)[number], string>> = {};
  for (const key of NAMED) {
    const value = source[key];
    if (typeof value === "string" && value) fields[key] = value;
  }
  const what = source.message.startsWith("Failed query:") ? "" : redactDbMessage(source.message);
  const message = `Database query failed${fields.code ? ` (${fields.code})` : ""}${what ? `: ${what}` : ""}`;
  const safe = new SafeDbError(message, fields);
  // Keep where it happened, not what it said: only the "    at …" lines of the original stack.
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  safe.stack = [`${safe.name}: ${message}`, ...frames].join("\n");
  return safe;
}

/** An error as a log field: its name, code and a message without statements or values. */
export function errorForLog(error: unknown): { name: string; code?: string; message: string } {
  const e = safeDbError(error);
  if (!(e instanceof Error)) return { name: typeof e, message: String(e) };
  const code = (e as { code?: unknown }).code;
  return {
    name: e.name,
    ...(typeof code === "string" || typeof code === "number" ? { code: String(code) } : {}),
    message: e instanceof SafeDbError ? e.message : redactDbMessage(e.message),
  };
}
