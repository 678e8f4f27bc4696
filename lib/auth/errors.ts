/** The action needs the password again (step-up); the form asks for it and retries. */
export class ReauthRequiredError extends Error {
  readonly code = "reauth_required";
  constructor() {
    super("Please confirm your password to continue.");
  }
}

/** The session may only read (a support agent viewing the account). */
export class ReadOnlyError extends Error {
  readonly code = "read_only";
  constructor() {
    super("This is a read-only support session: nothing can be changed from it.");
  }
}
