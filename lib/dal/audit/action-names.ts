/**
 * Audit action names in use. Not a closed list: writeAudit accepts any dotted lower-case name,
 * so a new feature can log a new action without touching this file — add it here for autocomplete.
 */
export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_out"
  | "auth.password_change"
  | "auth.password_reset"
  | "auth.email_verify"
  | "profile.update"
  | "session.revoke"
  | "export.request"
  | "export.download"
  | "consent.change"
  | "campaign.send"
  | "request.create"
  | "request.update"
  | "request.reminder_sent"
  | "request.message"
  | "request.cancel"
  | "support.grant"
  | "support.revoke"
  | "impersonation.start"
  | "impersonation.end"
  | "impersonation.break_glass"
  | "item.delete"
  | "account.restrict"
  | "processing.restrict"
  | "processing.object"
  | "processing.lift"
  | "account.erase"
  | "erasure.schedule"
  | "erasure.cancel"
  | "data.delete_range"
  | "printer.register";

export const AUDIT_ACTION_PATTERN = /^[a-z_]+(\.[a-z_]+)+$/;

export const AUDIT_ACTOR_ROLES = ["user", "agent", "admin", "system", "anonymous"] as const;
export type AuditActorRole = (typeof AUDIT_ACTOR_ROLES)[number];

/** Throws on a malformed action name, so a typo fails the mutation instead of polluting the log. */
export function assertAuditAction(action: string): void {
  if (!AUDIT_ACTION_PATTERN.test(action)) {
    throw new Error(`Invalid audit action ${JSON.stringify(action)}: expected e.g. "item.delete"`);
  }
}

export function assertAuditActorRole(role: string): asserts role is AuditActorRole {
  if (!(AUDIT_ACTOR_ROLES as readonly string[]).includes(role)) {
    throw new Error(`Invalid audit actor role ${JSON.stringify(role)}`);
  }
}
