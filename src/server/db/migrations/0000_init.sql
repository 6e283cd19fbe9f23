CREATE TABLE "audit_events" (
	"unit_code" text NOT NULL,
	"id" uuid NOT NULL,
	"dossier_code" text,
	"action" text NOT NULL,
	"actor_user_id" uuid,
	"actor_role" text,
	"from_status" smallint,
	"to_status" smallint,
	"reason" text,
	"request_id" text,
	"data" jsonb,
	"at" timestamp with time zone NOT NULL,
	"seq" integer DEFAULT 1 NOT NULL,
	"prev_hash" text DEFAULT '' NOT NULL,
	"hash" text DEFAULT '' NOT NULL,
	CONSTRAINT "audit_events_unit_code_id_pk" PRIMARY KEY("unit_code","id")
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"unit_code" text NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"field_code" text NOT NULL,
	"procedure_code" text,
	"channel" text NOT NULL,
	"subject" text NOT NULL,
	"officer_id" uuid,
	CONSTRAINT "consultations_unit_code_id_pk" PRIMARY KEY("unit_code","id")
);
--> statement-breakpoint
CREATE TABLE "dossier_files" (
	"unit_code" text NOT NULL,
	"dossier_code" text NOT NULL,
	"id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_files_unit_code_id_pk" PRIMARY KEY("unit_code","id")
);
--> statement-breakpoint
CREATE TABLE "dossier_pauses" (
	"unit_code" text NOT NULL,
	"dossier_code" text NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone,
	"reason" text NOT NULL,
	"items" jsonb,
	"paused_minutes" integer,
	"due_before" timestamp with time zone NOT NULL,
	"due_after" timestamp with time zone,
	CONSTRAINT "dossier_pauses_unit_code_dossier_code_seq_pk" PRIMARY KEY("unit_code","dossier_code","seq")
);
--> statement-breakpoint
CREATE TABLE "dossier_steps" (
	"unit_code" text NOT NULL,
	"dossier_code" text NOT NULL,
	"seq" integer NOT NULL,
	"step_key" text NOT NULL,
	"step_name" text NOT NULL,
	"from_role" text,
	"to_role" text NOT NULL,
	"from_user_id" uuid,
	"to_user_id" uuid,
	"handed_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"verdict" text,
	"note" text,
	CONSTRAINT "dossier_steps_unit_code_dossier_code_seq_pk" PRIMARY KEY("unit_code","dossier_code","seq")
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"unit_code" text NOT NULL,
	"code" text NOT NULL,
	"province_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"field_code" text NOT NULL,
	"channel" smallint NOT NULL,
	"status" smallint NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_number" text NOT NULL,
	"applicant_phone" text NOT NULL,
	"applicant_address" text NOT NULL,
	"applicant_email" text,
	"subject" text NOT NULL,
	"return_method" text NOT NULL,
	"documents" jsonb NOT NULL,
	"time_limit" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"due_at_original" timestamp with time zone NOT NULL,
	"received_by" uuid NOT NULL,
	"book_volume" text NOT NULL,
	"book_number" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"sub_state" text DEFAULT 'none' NOT NULL,
	"workflow" jsonb,
	"step_index" smallint DEFAULT 0 NOT NULL,
	"step_started_at" timestamp with time zone,
	"step_due_at" timestamp with time zone,
	"assignee_id" uuid,
	"supplement_requests" smallint DEFAULT 0 NOT NULL,
	"paused_at" timestamp with time zone,
	"pause_kind" text,
	"paused_minutes" integer DEFAULT 0 NOT NULL,
	"due_at_legal" timestamp with time zone,
	"rescheduled_at" timestamp with time zone,
	"apology" jsonb,
	"processing_ended_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"result" jsonb,
	"timeliness" text,
	"intake_note" jsonb,
	CONSTRAINT "dossiers_unit_code_code_pk" PRIMARY KEY("unit_code","code")
);
--> statement-breakpoint
CREATE TABLE "equipment" (
	"unit_code" text NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"quantity" integer NOT NULL,
	"condition" text NOT NULL,
	"location" text,
	"meets_need" boolean NOT NULL,
	"note" text,
	CONSTRAINT "equipment_unit_code_id_pk" PRIMARY KEY("unit_code","id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"unit_code" text NOT NULL,
	"key" text NOT NULL,
	"user_id" uuid NOT NULL,
	"request_hash" text NOT NULL,
	"dossier_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_unit_code_key_pk" PRIMARY KEY("unit_code","key")
);
--> statement-breakpoint
CREATE TABLE "inspection_tasks" (
	"unit_code" text NOT NULL,
	"id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "inspection_tasks_unit_code_id_pk" PRIMARY KEY("unit_code","id")
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"unit_code" text NOT NULL,
	"id" uuid NOT NULL,
	"day" date NOT NULL,
	"participants" text NOT NULL,
	"findings" text NOT NULL,
	"directions" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inspections_unit_code_id_pk" PRIMARY KEY("unit_code","id")
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"unit_code" text NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "outbox_unit_code_id_pk" PRIMARY KEY("unit_code","id")
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sector_code" text NOT NULL,
	"sector_name" text NOT NULL,
	"field_code" text NOT NULL,
	"field_name" text NOT NULL,
	"level" text NOT NULL,
	"agency" text NOT NULL,
	"online_level" text NOT NULL,
	"channels" jsonb NOT NULL,
	"time_limit_amount" numeric NOT NULL,
	"time_limit_unit" text NOT NULL,
	"time_limit_text" text NOT NULL,
	"record" jsonb NOT NULL,
	"search_text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "province_settings" (
	"province_code" text PRIMARY KEY NOT NULL,
	"am_start" text NOT NULL,
	"am_end" text NOT NULL,
	"pm_start" text NOT NULL,
	"pm_end" text NOT NULL,
	"same_day_cutoff" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"unit_code" text NOT NULL,
	"id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"personal_id" text,
	"category" text NOT NULL,
	"bloc" text,
	"org_unit" text NOT NULL,
	"org_unit_kind" text NOT NULL,
	"position" text,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"counters" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"start_date" date,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "staff_unit_code_id_pk" PRIMARY KEY("unit_code","id")
);
--> statement-breakpoint
CREATE TABLE "tracking_book" (
	"unit_code" text NOT NULL,
	"volume" text NOT NULL,
	"number" integer NOT NULL,
	"dossier_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_address" text NOT NULL,
	"applicant_phone" text NOT NULL,
	"sets" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"received_by" uuid NOT NULL,
	CONSTRAINT "tracking_book_unit_code_volume_number_pk" PRIMARY KEY("unit_code","volume","number")
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"unit_code" text NOT NULL,
	"id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"course" text NOT NULL,
	"day" date NOT NULL,
	"hours" numeric NOT NULL,
	"covers_one_stop" boolean NOT NULL,
	CONSTRAINT "trainings_unit_code_id_pk" PRIMARY KEY("unit_code","id")
);
--> statement-breakpoint
CREATE TABLE "unit_counters" (
	"unit_code" text NOT NULL,
	"name" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "unit_counters_unit_code_name_pk" PRIMARY KEY("unit_code","name")
);
--> statement-breakpoint
CREATE TABLE "unit_procedures" (
	"unit_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "unit_procedures_unit_code_procedure_code_pk" PRIMARY KEY("unit_code","procedure_code")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"name_en" text,
	"level" text NOT NULL,
	"kind" text,
	"parent_code" text,
	"slug" text NOT NULL,
	"agency_code" text NOT NULL,
	"is_active" boolean DEFAULT false NOT NULL,
	"portal_connected" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"full_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"unit_code" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_procedures" ADD CONSTRAINT "unit_procedures_procedure_code_procedures_code_fk" FOREIGN KEY ("procedure_code") REFERENCES "public"."procedures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_dossier_idx" ON "audit_events" USING btree ("unit_code","dossier_code","at");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_uq" ON "audit_events" USING btree ("unit_code","dossier_code","seq");--> statement-breakpoint
CREATE INDEX "consultations_at_idx" ON "consultations" USING btree ("unit_code","at");--> statement-breakpoint
CREATE INDEX "dossier_files_dossier_idx" ON "dossier_files" USING btree ("unit_code","dossier_code");--> statement-breakpoint
CREATE INDEX "dossiers_unit_received_idx" ON "dossiers" USING btree ("unit_code","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_code_idx" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dossiers_open_due_idx" ON "dossiers" USING btree ("unit_code","status","due_at");--> statement-breakpoint
CREATE INDEX "dossiers_assignee_idx" ON "dossiers" USING btree ("unit_code","assignee_id","status");--> statement-breakpoint
CREATE INDEX "dossiers_report_idx" ON "dossiers" USING btree ("unit_code","received_at","processing_ended_at","status","channel","field_code","procedure_code","due_at","due_at_legal","returned_at","supplement_requests","paused_at","code");--> statement-breakpoint
CREATE INDEX "inspection_tasks_owner_idx" ON "inspection_tasks" USING btree ("unit_code","owner_id","done_at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("sent_at","next_attempt_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_personal_id_uq" ON "staff" USING btree ("unit_code","personal_id");--> statement-breakpoint
CREATE INDEX "tracking_book_dossier_idx" ON "tracking_book" USING btree ("unit_code","dossier_code");--> statement-breakpoint
CREATE INDEX "trainings_staff_idx" ON "trainings" USING btree ("unit_code","staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_agency_code_uq" ON "units" USING btree ("agency_code");--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree ("username");