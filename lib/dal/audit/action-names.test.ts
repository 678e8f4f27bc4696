import { describe, expect, it } from "vitest";
import { assertAuditAction } from "./action-names";

describe("assertAuditAction", () => {
  it.each(["auth.sign_in", "profile.update", "impersonation.start", "a.b.c", "new_thing.done"])(
    "accepts %s",
    (action) => expect(() => assertAuditAction(action)).not.toThrow(),
  );

  it.each([
    "",
    "auth",
    "auth.",
    ".sign_in",
    "auth..sign_in",
    "Auth.sign_in",
    "auth.sign-in",
    "auth.sign in",
    "auth.sign_in\n",
    "auth.1",
  ])("rejects %j", (action) =>
    expect(() => assertAuditAction(action)).toThrow(/Invalid audit action/),
  );
});
