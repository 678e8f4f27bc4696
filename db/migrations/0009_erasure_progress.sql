CREATE TABLE "erasure_progress" (
	"request_id" uuid NOT NULL,
	"step" text NOT NULL,
	"rows" bigint DEFAULT 0 NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "erasure_progress_request_id_step_pk" PRIMARY KEY("request_id","step")
);
--> statement-breakpoint
ALTER TABLE "erasure_progress" ADD CONSTRAINT "erasure_progress_request_id_privacy_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."privacy_requests"("id") ON DELETE cascade ON UPDATE no action;