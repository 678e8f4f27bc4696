export {
  AUDIT_ACTION_PATTERN,
  AUDIT_ACTOR_ROLES,
  assertAuditAction,
  type AuditAction,
  type AuditActorRole,
} from "./action-names";
export { computeAuditHash, GENESIS_HASH, type AuditHashInput } from "./chain";
export { withAudit, writeAudit, type AuditEvent } from "./write";
export {
  listAuditEvents,
  verifyAuditChain,
  type AuditChainBreak,
  type AuditChainResult,
  type AuditEventDTO,
  type AuditEventFilter,
} from "./verify";
