-- audit_log: append-only, and no UPDATE at all except the one erasure path (issue 10, finding 11).
-- Erasure runs inside a transaction that sets pc.audit_erasure = 'on' (lib/dal/audit/erase.ts,
-- transaction-local) and must clear every personal field of the row at once (actor_id,
-- subject_id, ip, details, personal_salt) while leaving everything the chain covers untouched
-- (personal_digest, prev_hash, hash and the non-personal fields). Anything else is refused,
-- including setting a single personal field to NULL.
CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = '42501';
  END IF;
  IF coalesce(current_setting('pc.audit_erasure', true), '') <> 'on' THEN
    RAISE EXCEPTION 'audit_log is append-only: UPDATE refused outside the erasure path'
      USING ERRCODE = '42501';
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id
     OR NEW.occurred_at IS DISTINCT FROM OLD.occurred_at
     OR NEW.actor_role IS DISTINCT FROM OLD.actor_role
     OR NEW.action IS DISTINCT FROM OLD.action
     OR NEW.target_type IS DISTINCT FROM OLD.target_type
     OR NEW.target_id IS DISTINCT FROM OLD.target_id
     OR NEW.personal_digest IS DISTINCT FROM OLD.personal_digest
     OR NEW.prev_hash IS DISTINCT FROM OLD.prev_hash
     OR NEW.hash IS DISTINCT FROM OLD.hash
     OR NEW.actor_id IS NOT NULL
     OR NEW.subject_id IS NOT NULL
     OR NEW.ip IS NOT NULL
     OR NEW.details IS NOT NULL
     OR NEW.personal_salt IS NOT NULL THEN
    RAISE EXCEPTION 'audit_log: erasure may only clear every personal field of a row at once'
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
