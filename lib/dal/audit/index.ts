export {
  AUDIT_ACTION_PATTERN,
  AUDIT_ACTOR_ROLES,
  assertAuditAction,
  type AuditAction,
  type AuditActorRole,
} from "./action-names";
export {
  computeKeyedAuditHash,
  computeLegacyAuditHash,
  computePersonalDigest,
  GENESIS_HASH,
  type AuditHashInput,
  type AuditPersonalInput,
} from "./chain";
export { type AuditCheckpoint } from "./checkpoint";
export { eraseAuditPersonalData } from "./erase";
export { withAudit, writeAudit, type AuditEvent } from "./write";
export { listAuditEvents, type AuditEventDTO, type AuditEventFilter } from "./list";
export { verifyAuditChain, type AuditChainBreak, type AuditChainResult } from "./verify";
