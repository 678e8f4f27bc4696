/**
 * The one error model. Guards and the data layer throw an AppError when they refuse a request;
 * it is turned into an answer in exactly two places: `refusal` in lib/actions.ts for server
 * actions (an ActionResult the form shows) and `problemResponse` below for route handlers (an
 * RFC 9457 application/problem+json response). Pure on purpose: no imports of the DAL.
 */

export type AppErrorCode =
  | "signed_out"
  | "reauth_required"
  | "read_only"
  | "cross_site"
  | "invalid_input"
  | "unsupported_media_type"
  | "conflict"
  | "forbidden"
  | "rate_limited"
  | "unavailable"
  | "erasure_scheduled";

export type AppErrorInit = {
  code: AppErrorCode;
  /** The HTTP status a route handler answers with. */
  status: number;
  /** Shown to the person as is: plain words, no internals. */
  message: string;
  /** A short summary (the problem's `title`). */
  title: string;
  /** Extra response headers (e.g. Retry-After). */
  headers?: Record<string, string>;
  /** Extra problem members (e.g. the field errors of invalid settings). */
  extra?: Record<string, unknown>;
  /** Field errors a form maps back onto its inputs. */
  fieldErrors?: Record<string, string[] | undefined>;
  /**
   * The message as a key of messages/<locale>/errors.json, for people: a server action's
   * `refusal` shows it in the viewer's language. `message` stays the English text of the
   * machine-facing problem document.
   */
  messageKey?: ErrorMessageKey;
  /** Placeholders of `messageKey` (a Date is shown in the viewer's zone and language). */
  messageValues?: Record<string, string | number | Date>;
};

/** Keys in messages/en/errors.json that refusals name (lib/actions.test.ts checks them). */
export type ErrorMessageKey =
  | "reauthRequired"
  | "readOnly"
  | "erasureScheduled"
  | "tooMany.requests"
  | "tooMany.messages"
  | "tooMany.accessTokens"
  | "tooMany.other"
  | "signedOut"
  | "crossSite";

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly title: string;
  readonly headers: Record<string, string>;
  readonly extra: Record<string, unknown>;
  readonly fieldErrors: Record<string, string[] | undefined> | undefined;
  readonly messageKey: ErrorMessageKey | undefined;
  readonly messageValues: Record<string, string | number | Date>;

  constructor(init: AppErrorInit) {
    super(init.message);
    this.name = "AppError";
    this.code = init.code;
    this.status = init.status;
    this.title = init.title;
    this.headers = init.headers ?? {};
    this.extra = init.extra ?? {};
    this.fieldErrors = init.fieldErrors;
    this.messageKey = init.messageKey;
    this.messageValues = init.messageValues ?? {};
  }
}

/** The action needs the password again (step-up); the form asks for it and retries. */
export class ReauthRequiredError extends AppError {
  constructor() {
    super({
      code: "reauth_required",
      status: 401,
      title: "Confirm your password",
      message: "Please confirm your password to continue.",
      messageKey: "reauthRequired",
      extra: { reauth: true },
    });
  }
}

/** The session may only read (a support agent viewing the account). */
export class ReadOnlyError extends AppError {
  constructor() {
    super({
      code: "read_only",
      status: 403,
      title: "Read-only session",
      message: "This is a read-only support session: nothing can be changed from it.",
      messageKey: "readOnly",
    });
  }
}

/**
 * The account is scheduled for erasure: until the date, only keeping the account (cancelling)
 * and downloading the data are allowed.
 */
export class ErasureScheduledError extends AppError {
  /** `when` as English text for the problem document, `at` the moment for people's own zone. */
  constructor(when: string, at?: Date) {
    super({
      code: "erasure_scheduled",
      status: 423,
      title: "Account scheduled for deletion",
      message: `Your account will be deleted on ${when}, so it is locked until then: you can still download your data. To use it again, press "Keep my account" at the top of the page or use the link in our email.`,
      messageKey: "erasureScheduled",
      messageValues: { when: at ?? when },
    });
  }
}

const TOO_MANY: Record<string, ErrorMessageKey> = {
  requests: "tooMany.requests",
  messages: "tooMany.messages",
  "access tokens": "tooMany.accessTokens",
};

/** Too many of one kind of request in a short time; `retryAt` says when another may come. */
export class TooManyRequestsError extends AppError {
  constructor(what: string, retryAt: Date, now = new Date()) {
    const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
    super({
      code: "rate_limited",
      status: 429,
      title: "Too many requests",
      message: `You have sent ${what} many times in a short while. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      messageKey: TOO_MANY[what] ?? "tooMany.other",
      messageValues: { minutes },
      headers: { "Retry-After": String(Math.ceil((retryAt.getTime() - now.getTime()) / 1000)) },
    });
  }
}

/** No (live) session behind the request. */
export class SignedOutError extends AppError {
  constructor(message?: string) {
    super({
      code: "signed_out",
      status: 401,
      title: "Not signed in",
      message: message ?? "Please sign in to continue.",
      ...(message ? {} : { messageKey: "signedOut" as const }),
    });
  }
}

/** A request with side effects that another site started (a link, a form, a script). */
export class CrossSiteError extends AppError {
  constructor() {
    super({
      code: "cross_site",
      status: 403,
      title: "Request from another site",
      message:
        "This request came from another website, so nothing was done. Please start it from this site's own pages.",
      messageKey: "crossSite",
    });
  }
}

/** Input the request carried does not fit. */
export function invalidInput(
  message: string,
  fieldErrors?: Record<string, string[] | undefined>,
  title = "Invalid input",
): AppError {
  return new AppError({
    code: "invalid_input",
    status: 400,
    title,
    message,
    fieldErrors,
    extra: fieldErrors ? { errors: fieldErrors } : {},
  });
}

/** An RFC 9457 problem document for an AppError. `type` names the code (about:blank#<code>). */
export function problemBody(error: AppError): Record<string, unknown> {
  return {
    type: `about:blank#${error.code}`,
    title: error.title,
    status: error.status,
    detail: error.message,
    ...error.extra,
  };
}

/**
 * The single mapping for route handlers: an AppError becomes an application/problem+json
 * response. Anything else is rethrown untouched (a bug is a 500, never a disguised refusal).
 */
export function problemResponse(error: unknown): Response {
  if (!(error instanceof AppError)) throw error;
  return new Response(JSON.stringify(problemBody(error)), {
    status: error.status,
    headers: {
      "content-type": "application/problem+json",
      "cache-control": "no-store",
      ...error.headers,
    },
  });
}
