-- Portal dossiers the commune could not take by itself (issue 15, unmatched inbound): an officer maps
-- one to a procedure of the commune's catalogue (it then enters the online queue like a matched one)
-- or refuses it with a reason sent back to the portal (status 3). Who did it and when, and what.
ALTER TABLE "inbound_online_dossiers" ADD COLUMN "handled_by" uuid;--> statement-breakpoint
ALTER TABLE "inbound_online_dossiers" ADD COLUMN "handled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbound_online_dossiers" ADD COLUMN "mapped_procedure_code" text;--> statement-breakpoint
ALTER TABLE "inbound_online_dossiers" ADD COLUMN "refusal_reason" text;--> statement-breakpoint
ALTER TABLE "inbound_online_dossiers" ADD CONSTRAINT "inbound_online_dossiers_state_check" CHECK (
	"state" IN ('waiting', 'taken', 'refused') AND ("state" <> 'refused' OR "refusal_reason" IS NOT NULL));--> statement-breakpoint
-- The intake statement that takes a portal dossier into the online queue marks its inbound row taken
-- only while it is still waiting; when it is not (refused, or taken by a twin meanwhile) the statement
-- calls this and the whole intake (numbers included) is undone.
CREATE FUNCTION motcua_inbound_not_waiting() RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'portal dossier no longer waiting' USING ERRCODE = 'MC015';
END $$;
