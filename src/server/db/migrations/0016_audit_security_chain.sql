-- Security events (sign-ins, register changes, imports, exports of personal data...) are chained in
-- audit_events with no dossier code: one chain per unit (or '*' for events of no unit). The existing
-- unique index treats NULL dossier codes as distinct, so this one keeps their positions unique.
CREATE UNIQUE INDEX "audit_security_chain_uq" ON "audit_events" USING btree ("unit_code","seq") WHERE "dossier_code" IS NULL;
