ALTER TABLE "outbox" ADD COLUMN "dossier_code" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "dead_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_dossier_idx" ON "outbox" USING btree ("unit_code","dossier_code","kind","seq");
