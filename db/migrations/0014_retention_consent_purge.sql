-- consent_events stays append-only. Two kinds of DELETE get through: the erasure cascade from
-- users (trigger depth > 1, as before), and the retention job removing visitors' records (no
-- account) past their period: it runs in a transaction that sets pc.retention_purge = 'on'
-- (lib/dal/retention/purge.ts, transaction-local). A holder's own records go only with the
-- account; UPDATE and TRUNCATE are always refused.
CREATE OR REPLACE FUNCTION consent_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'DELETE' AND OLD.user_id IS NULL
     AND coalesce(current_setting('pc.retention_purge', true), '') = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'consent_events is append-only (% refused)', TG_OP USING ERRCODE = '42501';
END
$$;
