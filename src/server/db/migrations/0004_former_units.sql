CREATE TABLE "former_units" (
	"commune_code" text NOT NULL,
	"level" text NOT NULL,
	"former_code" text NOT NULL,
	"name" text NOT NULL,
	"district_code" text NOT NULL,
	"district_name" text NOT NULL,
	"province_code" text NOT NULL,
	"province_name" text NOT NULL,
	"merge" text NOT NULL,
	"confidence" text NOT NULL,
	CONSTRAINT "former_units_commune_code_level_former_code_pk" PRIMARY KEY("commune_code","level","former_code")
);
--> statement-breakpoint
CREATE TABLE "former_unit_corrections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"seq" integer NOT NULL,
	"user_id" uuid,
	"level" text NOT NULL,
	"former_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"action" text NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "unit_search" (
	"key" text NOT NULL,
	"is_head" boolean NOT NULL,
	"kind" text NOT NULL,
	"commune_code" text NOT NULL,
	"level" text NOT NULL,
	"is_former" boolean NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"context" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "former_units" ADD CONSTRAINT "former_units_commune_code_units_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "former_units_former_idx" ON "former_units" USING btree ("level","former_code");--> statement-breakpoint
CREATE INDEX "former_unit_corrections_at_idx" ON "former_unit_corrections" USING btree ("at","seq");--> statement-breakpoint
CREATE INDEX "unit_search_key_idx" ON "unit_search" USING btree ("key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "unit_search_commune_idx" ON "unit_search" USING btree ("commune_code");
