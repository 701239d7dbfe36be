-- AlterTable
ALTER TABLE "alerts" ADD COLUMN     "processing_started_at" TIMESTAMPTZ(3);

