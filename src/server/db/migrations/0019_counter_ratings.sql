-- Issue 16 item 3: ratings at the counter. dossier_ratings (citizen portal, 0005/0014) also holds the
-- ratings given on the counter's tablet or from a slip's QR: one per dossier (as before) or one per
-- served queue ticket (a visit that left no dossier), with the officer who served.
ALTER TABLE "dossier_ratings" DROP CONSTRAINT "dossier_ratings_unit_code_dossier_code_pk";
--> statement-breakpoint
ALTER TABLE "dossier_ratings" ALTER COLUMN "dossier_code" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD COLUMN "channel" text DEFAULT 'online' NOT NULL;
--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD COLUMN "ticket_id" uuid;
--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD COLUMN "officer_id" uuid;
--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD CONSTRAINT "dossier_ratings_channel_check" CHECK ("channel" IN ('online', 'counter'));
--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD CONSTRAINT "dossier_ratings_subject_check" CHECK ("dossier_code" IS NOT NULL OR "ticket_id" IS NOT NULL);
--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_ratings_dossier_idx" ON "dossier_ratings" USING btree ("unit_code","dossier_code");
--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_ratings_ticket_idx" ON "dossier_ratings" USING btree ("unit_code","ticket_id");
--> statement-breakpoint
-- Invitations to rate: the token (only its SHA-256 kept) handed to the counter's tablet or printed as a
-- QR; it names the visit (a dossier or a served ticket) and expires. A rating needs one.
CREATE TABLE "rating_invitations" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"dossier_code" text,
	"ticket_id" uuid,
	"officer_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rating_invitations_subject_check" CHECK ("dossier_code" IS NOT NULL OR "ticket_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX "rating_invitations_expires_idx" ON "rating_invitations" USING btree ("expires_at");
