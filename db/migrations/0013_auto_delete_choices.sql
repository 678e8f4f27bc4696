CREATE TABLE "auto_delete_choices" (
	"user_id" uuid NOT NULL,
	"category" text NOT NULL,
	"months" integer NOT NULL,
	"chosen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auto_delete_choices_user_id_category_pk" PRIMARY KEY("user_id","category"),
	CONSTRAINT "auto_delete_choices_months_ck" CHECK ("auto_delete_choices"."months" in (3, 18, 36))
);
--> statement-breakpoint
ALTER TABLE "auto_delete_choices" ADD CONSTRAINT "auto_delete_choices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;