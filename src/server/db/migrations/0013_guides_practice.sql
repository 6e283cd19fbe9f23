CREATE TABLE "guides" (
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"version" integer NOT NULL,
	"body" jsonb NOT NULL,
	"edited_by" uuid,
	"edited_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "guides_kind_subject_version_pk" PRIMARY KEY("kind","subject","version")
);
--> statement-breakpoint
CREATE TABLE "training_register" (
	"unit_code" text NOT NULL,
	"id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"username" text NOT NULL,
	"full_name" text NOT NULL,
	"role" text NOT NULL,
	"exercise" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"passed" boolean NOT NULL,
	"checks" jsonb NOT NULL,
	CONSTRAINT "training_register_unit_code_id_pk" PRIMARY KEY("unit_code","id")
);
--> statement-breakpoint
CREATE INDEX "training_register_unit_time_idx" ON "training_register" USING btree ("unit_code","completed_at");
