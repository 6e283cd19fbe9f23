ALTER TABLE "dossiers" ADD COLUMN "portal_id" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "portal_code" text;--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_portal_id_uq" ON "dossiers" USING btree ("unit_code","portal_id") WHERE "portal_id" IS NOT NULL;--> statement-breakpoint
CREATE TABLE "portal_files" (
	"unit_code" text NOT NULL,
	"file_id" uuid NOT NULL,
	"portal_file_id" text NOT NULL,
	"url" text NOT NULL,
	"hash" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "portal_files_unit_code_file_id_pk" PRIMARY KEY("unit_code","file_id")
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "waiting_retry" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "outbox_waiting_retry_idx" ON "outbox" USING btree ("kind") WHERE "waiting_retry";
