-- Timeline order within one transaction: created_at ties there, so a sequence breaks the tie.
ALTER TABLE "incident_actions" ADD COLUMN "seq" BIGSERIAL NOT NULL;
