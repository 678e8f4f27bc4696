import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { messages } from "@/lib/i18n/messages";
import { signUpSchema, passwordChangeSchema, signInSchema } from "./auth";
import { profileSchema } from "./profile";
import { grantSchema, openUserSchema, accountSearchSchema } from "./support";
import { extendSchema, noteSchema } from "./requests-staff";
import { campaignSchema, marketingPreferencesSchema } from "./consent";
import { holderRequestSchema, requestMessageSchema } from "./requests";
import { autoDeleteSchema } from "./auto-delete";
import { createTokenSchema } from "./data";
import { exportFormSchema } from "./export";

/**
 * Zod messages reach people (form fields, server actions' field errors), so in every schema
 * here they are keys of messages/<locale>/validation.json, shown in the viewer's language by
 * useMessageText. The API v1 schemas are the exception: they answer machines in English.
 */
const dir = __dirname;
const files = readdirSync(dir).filter(
  (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "api-v1.ts" && f !== "countries.ts",
);

const translators = (["en", "nl"] as const).map((locale) =>
  createTranslator({ locale, messages: messages[locale] }),
);
const exists = (key: string) => translators.every((t) => t.has(key as never));

describe("validation messages are keys in both languages", () => {
  it("no schema source holds a sentence; every validation key it names exists", () => {
    for (const file of files) {
      // Strip comments, then look at every string literal.
      const source = readFileSync(join(dir, file), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      for (const [, template] of source.matchAll(/`([^`]*)`/g)) {
        expect(template, `${file}: a sentence in a template literal`).not.toMatch(/\s/);
      }
      for (const [, literal] of source.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
        if (literal!.startsWith("validation.")) {
          expect(exists(literal!), `${file}: ${literal} in en and nl`).toBe(true);
        } else {
          expect(literal, `${file}: a sentence instead of a key`).not.toMatch(/\s/);
        }
      }
    }
  });

  const cases: [string, z.ZodType, unknown][] = [
    ["sign-up, empty", signUpSchema, { name: "", email: "", password: "", confirm: "x" }],
    [
      "sign-up, bad",
      signUpSchema,
      { name: "x".repeat(101), email: "nope", password: "short", confirm: "" },
    ],
    ["sign-in", signInSchema, { email: "a@", password: "" }],
    ["password change", passwordChangeSchema, { currentPassword: "", password: "", confirm: "" }],
    [
      "profile",
      profileSchema,
      { name: "", company: "x".repeat(101), country: "XX", phone: "1", language: "de" },
    ],
    ["grant", grantSchema, { ticketRef: "!", hours: 2 }],
    ["open user", openUserSchema, { userId: "x", ticketRef: "ab", reason: "help" }],
    ["search", accountSearchSchema, { q: "a" }],
    ["note", noteSchema, { requestId: "x", note: "" }],
    ["extend", extendSchema, { requestId: "x", reason: "Too short", dueDate: "soon" }],
    [
      "campaign",
      campaignSchema,
      { name: "A", topic: "x", subject: "", body: "", linkUrl: "http://a", linkLabel: "" },
    ],
    [
      "preferences",
      marketingPreferencesSchema,
      { newsletter: true, topics: [], openTracking: false, clickTracking: false, profiling: false },
    ],
    ["request", holderRequestSchema, { kind: "rectification", details: "" }],
    ["request kind", holderRequestSchema, { kind: "x", details: "x".repeat(2001) }],
    ["message", requestMessageSchema, { message: "" }],
    ["auto-delete", autoDeleteSchema, { category: "x", period: "2" }],
    ["token", createTokenSchema, { name: "", kind: "x", scopes: [] }],
    ["token scopes", createTokenSchema, { name: "a", kind: "cura", scopes: ["printers:write"] }],
    ["export", exportFormSchema, { format: "json", categories: [], from: "2025-02-30", to: "20" }],
    [
      "export range",
      exportFormSchema,
      { format: "json", categories: ["profile"], from: "2025-02-02", to: "2025-02-01" },
    ],
  ];

  it.each(cases)(
    "%s: each issue a person sees is a key with an English and a Dutch text",
    (_, schema, input) => {
      const result = schema.safeParse(input);
      expect(result.success).toBe(false);
      const issues = result.error!.issues.filter(
        // A select's own value or a hidden id is not something a person types.
        (i) => !["topic", "format"].includes(String(i.path[0])),
      );
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) {
        expect(issue.message, JSON.stringify(issue.path)).toMatch(/^validation\./);
        expect(exists(issue.message), issue.message).toBe(true);
      }
    },
  );
});
