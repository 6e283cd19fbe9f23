-- Issue 18 item 3: the data the remaining Decision 766 indicators are computed from.
-- The catalogue (procedures, a reference table): whether online payment of the procedure's fees is
-- integrated (3.5), whether it carries a fee at all (kept from the record's fees on every load), its
-- publication decision (số và ngày quyết định công bố, 1.1) and its steps (trình tự thực hiện, one of
-- the mandatory parts of Decree 63/2010 Art. 8.2 checked by 1.3).
ALTER TABLE "procedures" ADD COLUMN "online_payment" boolean;
--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "has_fee" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "publication_decision" text;
--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "publication_decided_on" date;
--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "steps" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
UPDATE "procedures" SET "has_fee" = EXISTS (
  SELECT 1 FROM jsonb_array_elements(coalesce("record" -> 'fees', '[]'::jsonb)) f
  WHERE f -> 'amount' = 'null'::jsonb OR (f ->> 'amount')::numeric > 0);
--> statement-breakpoint
-- A commune's list (tenant table): the day the commune publicly posted the procedure (1.1) and where.
ALTER TABLE "unit_procedures" ADD COLUMN "posted_on" date;
--> statement-breakpoint
ALTER TABLE "unit_procedures" ADD COLUMN "posted_where" text;
--> statement-breakpoint
ALTER TABLE "unit_procedures" ADD CONSTRAINT "unit_procedures_posted_where_check" CHECK ("posted_where" IS NULL OR "posted_where" IN ('center', 'portal', 'both'));
--> statement-breakpoint
-- A dossier: how its fees were paid when they were collected at intake (3.6), and the amount (đồng).
ALTER TABLE "dossiers" ADD COLUMN "fee_payment" text;
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "fee_amount" integer;
--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_fee_payment_check" CHECK ("fee_payment" IS NULL OR "fee_payment" IN ('cash', 'online', 'transfer', 'not_required'));
