import { DrizzleQueryError } from "drizzle-orm/errors";
import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "./log";
import { errorForLog, redactDbMessage, safeDbError, SafeDbError } from "./safe-error";

const USER = "3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b";
const SQL = 'select "id" from "login_events" where "user_id" = $1 and "id" < $2::bigint';

/** What drizzle throws for a failed query: the SQL and its parameters, the driver's error. */
function drizzleError() {
  const driver = Object.assign(
    new Error('value "99999999999999999999" is out of range for type bigint'),
    {
      code: "22003",
      severity: "ERROR",
      routine: "pg_strtoint64_safe",
      query: SQL,
      params: [USER, "99999999999999999999"],
    },
  );
  return new DrizzleQueryError(SQL, [USER, "99999999999999999999"], driver);
}

describe("safeDbError", () => {
  it("keeps the code and the message, and drops the statement and its values", () => {
    const safe = safeDbError(drizzleError());
    expect(safe).toBeInstanceOf(SafeDbError);
    const e = safe as SafeDbError;
    expect(e.message).toBe(
      'Database query failed (22003): value "…" is out of range for type bigint',
    );
    expect(e.code).toBe("22003");
    expect(e.routine).toBe("pg_strtoint64_safe");
    expect(e.cause).toBeUndefined();
    const printed = inspect(e, { showHidden: true, depth: 5 });
    expect(printed).not.toContain(USER);
    expect(printed).not.toContain("select");
    expect(printed).not.toContain("99999999999999999999");
    expect(e.stack).toMatch(/^DatabaseError: Database query failed \(22003\)/);
  });

  it("cleans a driver error that carries its query on its own", () => {
    const driver = Object.assign(
      new Error('invalid input syntax for type uuid: "alice@example.com"'),
      {
        code: "22P02",
        query: SQL,
      },
    );
    expect((safeDbError(driver) as Error).message).toBe(
      'Database query failed (22P02): invalid input syntax for type uuid: "…"',
    );
  });

  it("leaves other errors alone", () => {
    const plain = new Error("the export was cancelled");
    expect(safeDbError(plain)).toBe(plain);
    expect(safeDbError("text")).toBe("text");
  });
});

describe("redactDbMessage", () => {
  it.each([
    ['invalid input syntax for type bigint: "12abc"', 'invalid input syntax for type bigint: "…"'],
    ['value "-1" is out of range for type integer', 'value "…" is out of range for type integer'],
    ['invalid input value for enum status: "bob@x.y"', 'invalid input value for enum status: "…"'],
    ['date/time field value out of range: "2026-13-45"', 'date/time field value out of range: "…"'],
    [
      'duplicate key value violates unique constraint "users_email_unique"',
      'duplicate key value violates unique constraint "users_email_unique"',
    ],
    ["audit_log is append-only", "audit_log is append-only"],
  ])("%s", (message, redacted) => {
    expect(redactDbMessage(message)).toBe(redacted);
  });
});

describe("the logger", () => {
  afterEach(() => vi.restoreAllMocks());

  it("logs an error field as name, code and message, without SQL or parameters", () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    log.error("listing failed", { userId: "kept-as-given", error: drizzleError() });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: "error",
      msg: "listing failed",
      fields: {
        userId: "kept-as-given",
        error: {
          name: "DatabaseError",
          code: "22003",
          message: 'Database query failed (22003): value "…" is out of range for type bigint',
        },
      },
    });
    expect(lines[0]).not.toMatch(/select|params/i);
    expect(errorForLog(new Error("plain"))).toEqual({ name: "Error", message: "plain" });
  });
});
