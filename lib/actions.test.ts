import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { invalid, refusal } from "./actions";
import {
  AppError,
  CrossSiteError,
  ErasureScheduledError,
  invalidInput,
  ReadOnlyError,
  ReauthRequiredError,
  TooManyRequestsError,
  type ErrorMessageKey,
} from "./errors";
import { z } from "zod";

// The viewer's language, as next-intl would give it in a request.
let locale: "en" | "nl" = "en";
vi.mock("next-intl/server", () => ({
  getLocale: async () => locale,
  getTimeZone: async () => "Europe/Amsterdam",
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale, messages: messages[locale], namespace: namespace as never }),
}));

beforeEach(() => {
  locale = "en";
});

describe("server actions: an AppError becomes an ActionResult", () => {
  it("maps the step-up refusal to a result that opens the password dialog", async () => {
    expect(await refusal(new ReauthRequiredError())).toEqual({
      ok: false,
      reauth: true,
      formError: "Please confirm your password to continue.",
    });
  });

  it("maps other refusals to a form error, with field errors when there are any", async () => {
    expect(await refusal(new ReadOnlyError())).toEqual({
      ok: false,
      formError: "This is a read-only support session: nothing can be changed from it.",
    });
    expect(await refusal(new CrossSiteError())).toEqual({
      ok: false,
      formError:
        "This request came from another website, so nothing was done. Please start it from this site's own pages.",
    });
    expect(await refusal(invalidInput("Please check.", { name: ["Too long."] }))).toEqual({
      ok: false,
      formError: "Please check.",
      fieldErrors: { name: ["Too long."] },
    });
    const limited = new AppError({
      code: "rate_limited",
      status: 429,
      title: "Slow down",
      message: "Too many attempts.",
      headers: { "retry-after": "60" },
    });
    expect(await refusal(limited)).toEqual({ ok: false, formError: "Too many attempts." });
  });

  it("speaks the viewer's language: keys, plural minutes and dates in their zone", async () => {
    locale = "nl";
    expect((await refusal(new ReadOnlyError())).ok).toBe(false);
    expect(await refusal(new ReadOnlyError())).toMatchObject({
      formError: expect.stringContaining("alleen-lezen"),
    });
    const now = new Date("2026-03-01T10:00:00Z");
    const limited = new TooManyRequestsError("requests", new Date(now.getTime() + 60_000), now);
    expect(limited.message).toContain("1 minute.");
    expect(await refusal(limited)).toMatchObject({
      formError: expect.stringContaining("1 minuut"),
    });
    const at = new Date("2026-04-01T22:30:00Z");
    const scheduled = new ErasureScheduledError("1 April 2026 at 22:30 UTC", at);
    // Amsterdam is UTC+2 in April: the person reads their own clock, in Dutch.
    expect(await refusal(scheduled)).toMatchObject({
      formError: expect.stringContaining("2 april 2026 om 00:30"),
    });
    // A message that is itself a key is translated too; the problem document keeps English.
    expect(await refusal(invalidInput("errors.correctFields"))).toMatchObject({
      formError: "Verbeter de velden die hieronder zijn gemarkeerd.",
    });
    const parsed = z.object({ a: z.string().min(1, "validation.required") }).safeParse({ a: "" });
    if (parsed.success) throw new Error("expected an issue");
    expect(await invalid(parsed.error)).toMatchObject({
      formError: "Verbeter de velden die hieronder zijn gemarkeerd.",
      fieldErrors: { a: ["validation.required"] },
    });
  });

  it("names only keys that exist in errors.json", () => {
    const keys: ErrorMessageKey[] = [
      "reauthRequired",
      "readOnly",
      "erasureScheduled",
      "tooMany.requests",
      "tooMany.messages",
      "tooMany.accessTokens",
      "tooMany.other",
      "signedOut",
      "crossSite",
    ];
    for (const l of ["en", "nl"] as const) {
      const t = createTranslator({ locale: l, messages: messages[l], namespace: "errors" });
      for (const key of keys) expect(t.has(key), `${l} errors.${key}`).toBe(true);
    }
  });

  it("rethrows anything else untouched (Next's redirect signal, bugs)", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;/" });
    await expect(refusal(redirect)).rejects.toBe(redirect);
    await expect(refusal("nope")).rejects.toBe("nope");
  });
});
