import { describe, expect, it } from "vitest";
import { refusal } from "./actions";
import {
  AppError,
  CrossSiteError,
  invalidInput,
  ReadOnlyError,
  ReauthRequiredError,
} from "./errors";

describe("server actions: an AppError becomes an ActionResult", () => {
  it("maps the step-up refusal to a result that opens the password dialog", () => {
    expect(refusal(new ReauthRequiredError())).toEqual({
      ok: false,
      reauth: true,
      formError: "Please confirm your password to continue.",
    });
  });

  it("maps other refusals to a form error, with field errors when there are any", () => {
    expect(refusal(new ReadOnlyError())).toEqual({
      ok: false,
      formError: "This is a read-only support session: nothing can be changed from it.",
    });
    expect(refusal(new CrossSiteError())).toEqual({
      ok: false,
      formError:
        "This request came from another website, so nothing was done. Please start it from this site's own pages.",
    });
    expect(refusal(invalidInput("Please check.", { name: ["Too long."] }))).toEqual({
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
    expect(refusal(limited)).toEqual({ ok: false, formError: "Too many attempts." });
  });

  it("rethrows anything else untouched (Next's redirect signal, bugs)", () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;/" });
    expect(() => refusal(redirect)).toThrow(redirect);
    expect(() => refusal("nope")).toThrow("nope");
  });
});
