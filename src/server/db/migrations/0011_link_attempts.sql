CREATE TABLE "link_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"link" text NOT NULL,
	"message_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"latency_ms" integer NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE INDEX "link_attempts_at_idx" ON "link_attempts" USING btree ("at");--> statement-breakpoint
CREATE INDEX "link_attempts_unit_link_at_idx" ON "link_attempts" USING btree ("unit_code","link","at");
