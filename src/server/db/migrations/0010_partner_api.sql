ALTER TABLE "partner_api_keys" ADD COLUMN "permissions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_api_keys" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "partner_api_keys" ADD COLUMN "revoked_by" uuid;--> statement-breakpoint
CREATE INDEX "partner_api_keys_scope_idx" ON "partner_api_keys" USING btree ("scope_kind","scope_code");--> statement-breakpoint
CREATE TABLE "partner_webhooks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key_id" uuid NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"secret_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "partner_webhooks_key_idx" ON "partner_webhooks" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "audit_events_unit_at_idx" ON "audit_events" USING btree ("unit_code","at");
