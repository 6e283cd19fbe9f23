-- Issue 15, the drain after a portal outage: the outbox worker's claim takes the due messages in `seq`
-- order, LIMIT a batch. With only outbox_pending_idx (sent_at, next_attempt_at) PostgreSQL read every
-- pending row, tested each portal row for an earlier blocked one of its dossier, then sorted: 356 ms per
-- claim with 72,000 pending (a 30-minute outage at 20 dossiers/s), 3 ms with this index, which the claim
-- walks in `seq` order and stops at its batch. Partial: only the unsent, not dead-lettered messages.
CREATE INDEX IF NOT EXISTS "outbox_due_seq_idx" ON "outbox" USING btree ("seq") WHERE "sent_at" IS NULL AND "dead_at" IS NULL;
