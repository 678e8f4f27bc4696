CREATE TYPE "public"."export_format" AS ENUM('json', 'zip', 'csv');--> statement-breakpoint
CREATE TYPE "public"."export_status" AS ENUM('running', 'completed', 'failed');--> statement-breakpoint
CREATE TABLE "export_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "export_status" DEFAULT 'running' NOT NULL,
	"format" "export_format" NOT NULL,
	"categories" text[] NOT NULL,
	"range_from" timestamp with time zone,
	"range_to" timestamp with time zone,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"rows" bigint,
	"size_bytes" bigint,
	"sha256" text,
	"ip" text,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "export_history" ADD CONSTRAINT "export_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "export_history_user_started_idx" ON "export_history" USING btree ("user_id","started_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "export_history_one_running_uq" ON "export_history" USING btree ("user_id") WHERE "export_history"."status" = 'running';