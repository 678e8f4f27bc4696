import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { locales } from "./config";
import { messages, namespaces } from "./messages";

/** "a.b.c" → text, for every leaf of a namespace's messages. */
function flatten(tree: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === "string") out.set(prefix, tree);
  else if (tree && typeof tree === "object") {
    for (const [key, value] of Object.entries(tree)) {
      for (const [k, v] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  }
  return out;
}

/** The placeholders and rich-text tags a message uses: {name}, {count, plural, …}, <link>. */
function argumentsOf(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\{\s*([A-Za-z0-9_]+)\s*[,}]/g)) names.add(m[1]!);
  for (const m of text.matchAll(/<([A-Za-z0-9_]+)>/g)) names.add(`<${m[1]}>`);
  return [...names].sort();
}

describe("translations", () => {
  for (const ns of namespaces) {
    it(`${ns}: every key exists in every language, with the same placeholders`, () => {
      const english = flatten(messages.en[ns]);
      for (const locale of locales) {
        const other = flatten(messages[locale][ns]);
        expect([...other.keys()].sort(), `${locale}/${ns}.json keys`).toEqual(
          [...english.keys()].sort(),
        );
        for (const [key, text] of other) {
          expect(text.trim(), `${locale}/${ns}.json ${key} is empty`).not.toBe("");
          expect(argumentsOf(text), `${locale}/${ns}.json ${key} placeholders`).toEqual(
            argumentsOf(english.get(key)!),
          );
          // A syntax error (an unclosed brace, a plural without "other") fails here, not on a page.
          expect(
            () => new IntlMessageFormat(text, locale),
            `${locale}/${ns}.json ${key}`,
          ).not.toThrow();
        }
      }
    });
  }

  it("finds a key missing in Dutch (the check above is not vacuous)", () => {
    const en = flatten({ a: { b: "x", c: "y" } });
    const nl = flatten({ a: { b: "x" } });
    expect([...nl.keys()]).not.toEqual([...en.keys()]);
    expect(argumentsOf("Hi {name}, <link>go</link> {n, plural, one {#} other {#}}")).toEqual([
      "<link>",
      "n",
      "name",
    ]);
  });
});
