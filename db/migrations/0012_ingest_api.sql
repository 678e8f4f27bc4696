CREATE TYPE "public"."ingest_refusal_reason" AS ENUM('restricted', 'objected', 'erasure_pending');--> statement-breakpoint
CREATE TABLE "ingest_idempotency" (
	"token_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" smallint NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ingest_idempotency_token_id_key_pk" PRIMARY KEY("token_id","key")
);
--> statement-breakpoint
CREATE TABLE "ingest_rate_windows" (
	"token_id" uuid NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ingest_rate_windows_token_id_window_start_pk" PRIMARY KEY("token_id","window_start")
);
--> statement-breakpoint
CREATE TABLE "ingest_refusals" (
	"token_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"category" text NOT NULL,
	"reason" "ingest_refusal_reason" NOT NULL,
	"items" bigint DEFAULT 0 NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"first_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ingest_refusals_token_id_category_reason_pk" PRIMARY KEY("token_id","category","reason")
);
--> statement-breakpoint
ALTER TABLE "ingest_idempotency" ADD CONSTRAINT "ingest_idempotency_token_id_access_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."access_tokens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_rate_windows" ADD CONSTRAINT "ingest_rate_windows_token_id_access_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."access_tokens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_refusals" ADD CONSTRAINT "ingest_refusals_token_id_access_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."access_tokens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_refusals" ADD CONSTRAINT "ingest_refusals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ingest_idempotency_created_idx" ON "ingest_idempotency" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "ingest_rate_windows_start_idx" ON "ingest_rate_windows" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "ingest_refusals_user_idx" ON "ingest_refusals" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "printers_user_serial_uq" ON "printers" USING btree ("user_id","serial");