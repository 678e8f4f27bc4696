import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { loginEvents, printJobs } from "@/db/schema";
import { cursorKey, formatCursor, keyset, parseCursor, type PageInput } from "./keyset";

// The SQL text keyset() builds, as the app's drizzle instance (snake_case columns) writes it.
const dialect = new PgDialect({ casing: "snake_case" });
const render = (input: PageInput) => {
  const k = keyset(loginEvents.occurredAt, loginEvents.id, "bigint", input);
  return {
    where: k.where ? dialect.sqlToQuery(k.where) : undefined,
    orderBy: k.orderBy.map((o) => dialect.sqlToQuery(o).sql),
  };
};

const UUID = "0f8fad5b-d9cb-469f-a165-70867728950e";
const T = "1732851010123456";

describe("keyset cursors", () => {
  it("read a cursor's microseconds and id, lower-casing a uuid", () => {
    expect(parseCursor(`${T}_42`)).toEqual({ micros: T, id: "42" });
    expect(parseCursor(`${T}_${UUID.toUpperCase()}`)).toEqual({ micros: T, id: UUID });
    expect(parseCursor(`7_${UUID}`)).toEqual({ micros: "7", id: UUID });
    // The largest of each: 9999-12-31T23:59:59.999999Z and the largest bigint.
    expect(parseCursor("253402300799999999_9223372036854775807")).toEqual({
      micros: "253402300799999999",
      id: "9223372036854775807",
    });
    // Leading zeros are read as the number they spell, so a row has one cursor.
    expect(parseCursor("000007_0042")).toEqual({ micros: "7", id: "42" });
  });

  it.each([
    ["nothing", undefined],
    ["empty", ""],
    ["no id", `${T}_`],
    ["no time", "_42"],
    ["no separator", `${T}42`],
    ["a time that is not digits", "17328510101234x6_42"],
    ["a negative time", `-${T}_42`],
    ["an id that is neither a number nor a uuid", `${T}_4z`],
    ["a uuid one character short", `${T}_${UUID.slice(1)}`],
    ["a uuid with a non-hex letter", `${T}_${UUID.replace("f", "g")}`],
    ["text before", `x${T}_42`],
    ["text after", `${T}_42x`],
    ["two cursors", `${T}_42,${T}_43`],
    ["a time past 20 digits", `${"1".repeat(21)}_42`],
    ["an id past 19 digits", `${T}_${"1".repeat(20)}`],
  ])("refuse %s", (_, value) => {
    expect(parseCursor(value)).toBeNull();
  });

  it("write the cursor they read", () => {
    expect(formatCursor({ micros: T, id: "42" })).toBe(`${T}_42`);
    expect(formatCursor(parseCursor(`${T}_${UUID}`)!)).toBe(`${T}_${UUID}`);
  });

  it("select the row's time as whole microseconds since the epoch, as text", () => {
    expect(dialect.sqlToQuery(cursorKey(loginEvents.occurredAt)).sql).toBe(
      '(extract(epoch from "login_events"."occurred_at") * 1000000)::bigint::text',
    );
  });
});

describe("keyset query", () => {
  it("fetches one row more than the page size, 25 by default, clamped to 1–100", () => {
    const limit = (l: number | undefined) =>
      keyset(loginEvents.occurredAt, loginEvents.id, "bigint", { limit: l }).limit;
    expect(limit(undefined)).toBe(26);
    expect(limit(7)).toBe(8);
    expect(limit(7.9)).toBe(8);
    expect(limit(1)).toBe(2);
    expect(limit(0)).toBe(2);
    expect(limit(-5)).toBe(2);
    expect(limit(100)).toBe(101);
    expect(limit(101)).toBe(101);
    expect(limit(10_000)).toBe(101);
  });

  it("takes a list's own default and maximum page size", () => {
    const bounds = { fallback: 10, max: 50 };
    const limit = (l: number | undefined) =>
      keyset(loginEvents.occurredAt, loginEvents.id, "bigint", { limit: l }, bounds).limit;
    expect(limit(undefined)).toBe(11);
    expect(limit(Number.NaN)).toBe(11);
    expect(limit(3)).toBe(4);
    expect(limit(50)).toBe(51);
    expect(limit(51)).toBe(51);
    expect(limit(0)).toBe(2);
    // The page holds the list's size, never the extra row, and says "next" only for a leftover.
    const k = keyset(loginEvents.occurredAt, loginEvents.id, "bigint", {}, bounds);
    const fetched = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ _k: `${90 - i}`, id: 90 - i }));
    expect(k.page(fetched(11), (r) => r.id)).toEqual({
      items: [90, 89, 88, 87, 86, 85, 84, 83, 82, 81],
      next: "81_81",
      prev: null,
    });
    expect(k.page(fetched(10), (r) => r.id)).toEqual({
      items: [90, 89, 88, 87, 86, 85, 84, 83, 82, 81],
      next: null,
      prev: null,
    });
  });

  it("ignores a cursor whose id is of the other kind, or out of range: the first page", () => {
    expect(render({ after: `${T}_${UUID}` }).where).toBeUndefined();
    expect(render({ before: `${T}_9223372036854775808` }).where).toBeUndefined();
    expect(render({ after: "99999999999999999999_1" }).where).toBeUndefined();
    const uuidList = keyset(printJobs.createdAt, printJobs.id, "uuid", { after: `${T}_42` });
    expect(uuidList.where).toBeUndefined();
  });

  it("starts at the newest row without a cursor", () => {
    expect(render({})).toEqual({
      where: undefined,
      orderBy: [
        '"login_events"."occurred_at" desc nulls last',
        '"login_events"."id" desc nulls last',
      ],
    });
    expect(render({ after: "garbage", before: "also garbage" }).where).toBeUndefined();
  });

  it("goes on after a cursor: older rows, newest first", () => {
    expect(render({ after: `${T}_42` })).toEqual({
      where: {
        sql: `("login_events"."occurred_at", "login_events"."id") < ((timestamptz 'epoch' + $1::bigint * interval '1 microsecond'), $2::bigint)`,
        params: [T, "42"],
        typings: ["none", "none"],
      },
      orderBy: [
        '"login_events"."occurred_at" desc nulls last',
        '"login_events"."id" desc nulls last',
      ],
    });
  });

  it("goes back before a cursor: newer rows, oldest first (page() turns them round)", () => {
    expect(render({ before: `${T}_42` })).toEqual({
      where: {
        sql: `("login_events"."occurred_at", "login_events"."id") > ((timestamptz 'epoch' + $1::bigint * interval '1 microsecond'), $2::bigint)`,
        params: [T, "42"],
        typings: ["none", "none"],
      },
      orderBy: [
        '"login_events"."occurred_at" asc nulls first',
        '"login_events"."id" asc nulls first',
      ],
    });
  });

  it("follows a valid after over a before, and a valid before over a malformed after", () => {
    expect(render({ after: `${T}_1`, before: `${T}_2` }).where?.params).toEqual([T, "1"]);
    expect(render({ after: `${T}_1`, before: `${T}_2` }).where?.sql).toContain(") < (");
    expect(render({ after: "nonsense", before: `${T}_2` }).where?.params).toEqual([T, "2"]);
    expect(render({ after: "nonsense", before: `${T}_2` }).where?.sql).toContain(") > (");
  });

  it("compares a uuid id as a uuid", () => {
    const k = keyset(printJobs.createdAt, printJobs.id, "uuid", { after: `${T}_${UUID}` });
    expect(dialect.sqlToQuery(k.where!)).toEqual({
      sql: `("print_jobs"."created_at", "print_jobs"."id") < ((timestamptz 'epoch' + $1::bigint * interval '1 microsecond'), $2::uuid)`,
      params: [T, UUID],
      typings: ["none", "none"],
    });
  });
});

describe("keyset page", () => {
  // Rows as the query returns them: key, id; newest first forwards, oldest first backwards.
  const rows = (...ids: number[]) => ids.map((id) => ({ _k: String(1000 + id), id }));
  const page = (input: PageInput, fetched: ReturnType<typeof rows>) =>
    keyset(loginEvents.occurredAt, loginEvents.id, "bigint", { limit: 3, ...input }).page(
      fetched,
      (r) => `item-${r.id}`,
    );

  it("first page: at most the page size, and next only when a row was left over", () => {
    expect(page({}, rows(9, 8, 7, 6))).toEqual({
      items: ["item-9", "item-8", "item-7"],
      next: "1007_7",
      prev: null,
    });
    // Exactly a page: this is the last one, so it offers no next.
    expect(page({}, rows(9, 8, 7))).toEqual({
      items: ["item-9", "item-8", "item-7"],
      next: null,
      prev: null,
    });
    expect(page({}, rows(9))).toEqual({ items: ["item-9"], next: null, prev: null });
    expect(page({}, [])).toEqual({ items: [], next: null, prev: null });
  });

  it("after a cursor: prev points back at this page's first row", () => {
    const after = "1010_10";
    expect(page({ after }, rows(9, 8, 7, 6))).toEqual({
      items: ["item-9", "item-8", "item-7"],
      next: "1007_7",
      prev: "1009_9",
    });
    expect(page({ after }, rows(5, 4, 3))).toEqual({
      items: ["item-5", "item-4", "item-3"],
      next: null,
      prev: "1005_5",
    });
    expect(page({ after }, [])).toEqual({ items: [], next: null, prev: null });
  });

  it("before a cursor: newest first again, next back where we came from, prev only if newer rows remain", () => {
    const before = "1000_0";
    expect(page({ before }, rows(1, 2, 3, 4))).toEqual({
      items: ["item-3", "item-2", "item-1"],
      next: "1001_1",
      prev: "1003_3",
    });
    expect(page({ before }, rows(1, 2, 3))).toEqual({
      items: ["item-3", "item-2", "item-1"],
      next: "1001_1",
      prev: null,
    });
    expect(page({ before }, rows(1))).toEqual({ items: ["item-1"], next: "1001_1", prev: null });
    expect(page({ before }, [])).toEqual({ items: [], next: null, prev: null });
  });

  it("uses the page size it was given", () => {
    const k = keyset(loginEvents.occurredAt, loginEvents.id, "bigint", { limit: 1 });
    expect(k.page(rows(5, 4), (r) => r.id)).toEqual({ items: [5], next: "1005_5", prev: null });
    const big = keyset(loginEvents.occurredAt, loginEvents.id, "bigint", {});
    const many = rows(...Array.from({ length: 26 }, (_, i) => 100 - i));
    const p = big.page(many, (r) => r.id);
    expect(p.items).toHaveLength(25);
    expect(p.items.at(-1)).toBe(76);
    expect(p.next).toBe("1076_76");
  });
});
