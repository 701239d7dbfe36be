-- The raw webhook body is stored once per delivery (webhook_deliveries.payload) instead of once per
-- alert: a 10-alert body was written ten times. Each alert points at the delivery that first carried it.
-- Alerts stored before keep their own raw_payload.

-- AlterTable
ALTER TABLE "alerts" ADD COLUMN     "first_delivery_id" UUID,
ALTER COLUMN "raw_payload" DROP NOT NULL;

-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "payload" JSONB;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_first_delivery_id_fkey" FOREIGN KEY ("first_delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every alert keeps a raw payload: its own, or its first delivery's.
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_raw_payload_kept" CHECK ("raw_payload" IS NOT NULL OR "first_delivery_id" IS NOT NULL);
