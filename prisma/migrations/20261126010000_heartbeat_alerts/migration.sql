-- Heartbeat alerts (Alertmanager's Watchdog and its kin) fire forever on purpose: they prove the alerting
-- path works. They are recorded but never grouped, and the heartbeat monitor watches their last_seen_at.
ALTER TABLE "alerts" ADD COLUMN "is_heartbeat" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "alerts_heartbeat_last_seen_idx" ON "alerts" ("last_seen_at") WHERE "is_heartbeat";
