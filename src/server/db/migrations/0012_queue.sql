-- Queue tickets of a commune center (issue 16 item 1): the counters of the hall, the day's number
-- sequence per commune (gapless: one row per unit and day, taken by INSERT … ON CONFLICT DO UPDATE in
-- the ticket's own statement), and the tickets.
CREATE TABLE "queue_counters" (
	"unit_code" text NOT NULL,
	"number" smallint NOT NULL,
	"name" text NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "queue_counters_unit_code_number_pk" PRIMARY KEY("unit_code","number"),
	CONSTRAINT "queue_counters_number_check" CHECK ("number" BETWEEN 1 AND 99)
);
--> statement-breakpoint
CREATE TABLE "queue_days" (
	"unit_code" text NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "queue_days_unit_code_day_pk" PRIMARY KEY("unit_code","day")
);
--> statement-breakpoint
CREATE TABLE "queue_tickets" (
	"unit_code" text NOT NULL,
	"day" date NOT NULL,
	"number" integer NOT NULL,
	"id" uuid NOT NULL,
	"field_code" text,
	"status" text NOT NULL,
	"counter_number" smallint,
	"taken_at" timestamp with time zone NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"called_at" timestamp with time zone,
	"first_called_at" timestamp with time zone,
	"calls" integer DEFAULT 0 NOT NULL,
	"skips" integer DEFAULT 0 NOT NULL,
	"transfers" integer DEFAULT 0 NOT NULL,
	"finished_at" timestamp with time zone,
	"finished_by" uuid,
	"sms" boolean DEFAULT false NOT NULL,
	"phone_key" text,
	"dossier_code" text,
	CONSTRAINT "queue_tickets_unit_code_day_number_pk" PRIMARY KEY("unit_code","day","number"),
	CONSTRAINT "queue_tickets_status_check" CHECK ("status" IN ('waiting', 'called', 'served', 'no_show'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_id_idx" ON "queue_tickets" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_one_called_idx" ON "queue_tickets" USING btree ("unit_code","day","counter_number") WHERE "status" = 'called';--> statement-breakpoint
CREATE INDEX "queue_tickets_waiting_idx" ON "queue_tickets" USING btree ("unit_code","day","queued_at") WHERE "status" = 'waiting';--> statement-breakpoint
CREATE INDEX "queue_tickets_called_idx" ON "queue_tickets" USING btree ("unit_code","day","called_at");
