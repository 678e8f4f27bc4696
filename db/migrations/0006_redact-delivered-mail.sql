-- Mail already delivered or given up on keeps no body: its links (reset, verification,
-- unsubscribe tokens) were for the recipient only. The same text as REDACTED_BODY in
-- lib/dal/mail/outbox.ts, which does this for every mail from now on.
UPDATE "email_outbox"
SET "text_body" = '(Removed after delivery: its links were for the recipient only.)',
    "html_body" = NULL,
    "headers" = NULL
WHERE "status" IN ('sent', 'failed');
