ALTER TABLE "audit_log" ADD COLUMN "personal_salt" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "personal_digest" text;