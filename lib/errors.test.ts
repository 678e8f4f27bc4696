import { describe, expect, it } from "vitest";
import {
  AppError,
  CrossSiteError,
  invalidInput,
  problemResponse,
  ReadOnlyError,
  ReauthRequiredError,
  SignedOutError,
} from "./errors";
import {
  ReadOnlyError as ReadOnlyFromAuth,
  ReauthRequiredError as ReauthFromAuth,
} from "./auth/errors";

async function answer(error: unknown) {
  const response = problemResponse(error);
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    cacheControl: response.headers.get("cache-control"),
    retryAfter: response.headers.get("retry-after"),
    body: (await response.json()) as unknown,
  };
}

describe("route handlers: an AppError is answered as RFC 9457 problem+json", () => {
  it("maps the step-up refusal to 401 with reauth: true", async () => {
    expect(await answer(new ReauthRequiredError())).toEqual({
      status: 401,
      contentType: "application/problem+json",
      cacheControl: "no-store",
      retryAfter: null,
      body: {
        type: "about:blank#reauth_required",
        title: "Confirm your password",
        status: 401,
        detail: "Please confirm your password to continue.",
        reauth: true,
      },
    });
  });

  it("maps the read-only, signed-out and cross-site refusals", async () => {
    expect((await answer(new ReadOnlyError())).body).toEqual({
      type: "about:blank#read_only",
      title: "Read-only session",
      status: 403,
      detail: "This is a read-only support session: nothing can be changed from it.",
    });
    expect(await answer(new SignedOutError("Please sign in to download your data."))).toEqual({
      status: 401,
      contentType: "application/problem+json",
      cacheControl: "no-store",
      retryAfter: null,
      body: {
        type: "about:blank#signed_out",
        title: "Not signed in",
        status: 401,
        detail: "Please sign in to download your data.",
      },
    });
    expect(await answer(new CrossSiteError())).toEqual({
      status: 403,
      contentType: "application/problem+json",
      cacheControl: "no-store",
      retryAfter: null,
      body: {
        type: "about:blank#cross_site",
        title: "Request from another site",
        status: 403,
        detail:
          "This request came from another website, so nothing was done. Please start it from this site's own pages.",
      },
    });
  });

  it("carries headers and extra members, and field errors of invalid input", async () => {
    const limited = new AppError({
      code: "rate_limited",
      status: 429,
      title: "Export not started",
      message: "Try again in a minute.",
      headers: { "retry-after": "60" },
      extra: { retryAfterSeconds: 60 },
    });
    expect(await answer(limited)).toEqual({
      status: 429,
      contentType: "application/problem+json",
      cacheControl: "no-store",
      retryAfter: "60",
      body: {
        type: "about:blank#rate_limited",
        title: "Export not started",
        status: 429,
        detail: "Try again in a minute.",
        retryAfterSeconds: 60,
      },
    });
    const bad = invalidInput("Please check.", { format: ["Pick a format."] }, "Invalid settings");
    expect((await answer(bad)).body).toEqual({
      type: "about:blank#invalid_input",
      title: "Invalid settings",
      status: 400,
      detail: "Please check.",
      errors: { format: ["Pick a format."] },
    });
  });

  it("rethrows anything that is not an AppError (a bug stays a 500)", () => {
    const bug = new TypeError("x is undefined");
    expect(() => problemResponse(bug)).toThrow(bug);
  });

  it("keeps the guard errors importable from lib/auth/errors, as the same classes", () => {
    expect(ReadOnlyFromAuth).toBe(ReadOnlyError);
    expect(ReauthFromAuth).toBe(ReauthRequiredError);
    expect(new ReadOnlyFromAuth()).toBeInstanceOf(AppError);
  });
});
