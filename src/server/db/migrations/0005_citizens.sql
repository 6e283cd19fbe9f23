-- Citizens who sign in with OpenID Connect (docs/domain-vn.md §8.4) and file online (channel 2).
-- An online dossier is numbered when it is submitted (status 1, in the commune's online queue) and has
-- no receiving officer until reception accepts it: received_by becomes nullable.
ALTER TABLE "dossiers" ALTER COLUMN "received_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "tracking_book" ALTER COLUMN "received_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "answers" jsonb;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "form_code" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "form_version" integer;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "assisted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "citizen_subject" text;--> statement-breakpoint
CREATE INDEX "dossiers_citizen_idx" ON "dossiers" USING btree ("citizen_subject","received_at") WHERE "citizen_subject" IS NOT NULL;--> statement-breakpoint
CREATE TABLE "citizen_logins" (
	"state" text PRIMARY KEY NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"return_to" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "citizen_logins_expires_idx" ON "citizen_logins" USING btree ("expires_at");--> statement-breakpoint
CREATE TABLE "citizen_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"personal_id" text NOT NULL,
	"full_name" text NOT NULL,
	"birth_date" date,
	"verified" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "citizen_sessions_expires_idx" ON "citizen_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE TABLE "citizen_drafts" (
	"subject" text NOT NULL,
	"procedure_code" text NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "citizen_drafts_subject_procedure_code_pk" PRIMARY KEY("subject","procedure_code")
);
--> statement-breakpoint
CREATE TABLE "dossier_ratings" (
	"unit_code" text NOT NULL,
	"dossier_code" text NOT NULL,
	"rating" text NOT NULL,
	"rated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossier_ratings_unit_code_dossier_code_pk" PRIMARY KEY("unit_code","dossier_code"),
	CONSTRAINT "dossier_ratings_rating_check" CHECK ("rating" IN ('very_satisfied', 'satisfied', 'dissatisfied'))
);
--> statement-breakpoint
CREATE INDEX "dossier_ratings_unit_rated_idx" ON "dossier_ratings" USING btree ("unit_code","rated_at");
