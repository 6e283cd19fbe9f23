CREATE TABLE "population_lookups" (
	"unit_code" text NOT NULL,
	"id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"officer_username" text NOT NULL,
	"purpose" text NOT NULL,
	"dossier_code" text,
	"request_id" text NOT NULL,
	"outcome" text NOT NULL,
	"error" text,
	"looked_up_at" timestamp with time zone NOT NULL,
	CONSTRAINT "population_lookups_unit_code_id_pk" PRIMARY KEY("unit_code","id")
);
--> statement-breakpoint
CREATE INDEX "population_lookups_unit_time_idx" ON "population_lookups" USING btree ("unit_code","looked_up_at");--> statement-breakpoint
CREATE TABLE "inbound_online_dossiers" (
	"unit_code" text NOT NULL,
	"portal_id" text NOT NULL,
	"portal_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"applicant_name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'waiting' NOT NULL,
	"dossier_code" text,
	CONSTRAINT "inbound_online_dossiers_unit_code_portal_id_pk" PRIMARY KEY("unit_code","portal_id")
);
--> statement-breakpoint
CREATE INDEX "inbound_online_dossiers_queue_idx" ON "inbound_online_dossiers" USING btree ("unit_code","state","submitted_at");--> statement-breakpoint
CREATE TABLE "partner_api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key_prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"name" text NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_code" text NOT NULL,
	"rate_per_minute" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "partner_api_keys_prefix_uq" ON "partner_api_keys" USING btree ("key_prefix");
