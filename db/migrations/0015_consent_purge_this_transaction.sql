-- The retention purge's exception to append-only consent_events (0014) trusted any value 'on'
-- of pc.retention_purge, which a session-level SET, a role default or a connection option could
-- set for every later transaction. It now holds only for the transaction that named itself:
-- the purge sets the value to its own txid_current() (lib/dal/retention/purge.ts), transaction-
-- local, and the trigger compares. Everything else is as in 0014.
CREATE OR REPLACE FUNCTION consent_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'DELETE' AND OLD.user_id IS NULL
     AND coalesce(current_setting('pc.retention_purge', true), '') = txid_current()::text THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'consent_events is append-only (% refused)', TG_OP USING ERRCODE = '42501';
END
$$;
