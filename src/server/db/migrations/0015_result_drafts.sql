ALTER TABLE "dossiers" ADD COLUMN "result_draft" jsonb;--> statement-breakpoint
CREATE TABLE "result_register_entries" (
	"unit_code" text NOT NULL,
	"book" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"dossier_code" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"requester_name" text NOT NULL,
	"requester_id" text,
	"document_name" text NOT NULL,
	"copies" integer,
	"fee" integer,
	"signer_name" text NOT NULL,
	"signer_title" text NOT NULL,
	"note" text,
	"sha256" text NOT NULL,
	CONSTRAINT "result_register_entries_pk" PRIMARY KEY("unit_code","book","year","number"),
	CONSTRAINT "result_register_entries_dossier_fk" FOREIGN KEY ("unit_code","dossier_code") REFERENCES "dossiers"("unit_code","code")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "result_register_dossier_idx" ON "result_register_entries" USING btree ("unit_code","dossier_code","book");
