-- Issue 15, the drain after a portal outage: once the portal answers again, the messages waiting for
-- their backoff are brought forward a chunk at a time in `seq` order (integration/repository.ts
-- bringForwardPortalRetries), not all in one UPDATE (72,000 rows after a 30-minute outage, which on the
-- embedded database held its one connection while the counter waited). This index gives the chunk in
-- order without sorting every waiting message; it replaces the one on `kind` alone.
DROP INDEX IF EXISTS "outbox_waiting_retry_idx";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "outbox_waiting_seq_idx" ON "outbox" USING btree ("kind", "seq") WHERE "waiting_retry";
