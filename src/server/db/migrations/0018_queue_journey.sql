-- A ticket served at a counter and what came of it (issue 16 item 2): the dossier received from it
-- (dossier_code, reserved by 0012), a consultation logged (consultation_id) or nothing. Waiting time is
-- taken_at → first_called_at, service time called_at (the call the citizen answered) → finished_at.
ALTER TABLE "queue_tickets" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD COLUMN "consultation_id" uuid;--> statement-breakpoint
UPDATE "queue_tickets" SET "outcome" = 'none' WHERE "status" = 'served';--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_outcome_check" CHECK (
	("status" = 'served' AND "outcome" IN ('dossier', 'consultation', 'none')) OR ("status" <> 'served' AND "outcome" IS NULL));--> statement-breakpoint
CREATE INDEX "queue_tickets_finished_idx" ON "queue_tickets" USING btree ("unit_code","day") WHERE "status" IN ('served', 'no_show');--> statement-breakpoint
-- The counters' configuration page saves one counter at a time against the version it showed.
ALTER TABLE "queue_counters" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- A counter intake that receives the dossier of a ticket links the ticket in its own statement
-- (queue/repository.ts linkTicketPart); when the ticket is no longer called at that counter the
-- statement calls this, and the whole intake (numbers included) is undone.
CREATE FUNCTION motcua_queue_ticket_not_linked() RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'queue ticket no longer called' USING ERRCODE = 'MC002';
END $$;
