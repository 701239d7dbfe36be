-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "vector";

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('firing', 'resolved');

-- CreateEnum
CREATE TYPE "ProcessingState" AS ENUM ('pending', 'processing', 'processed', 'degraded', 'failed', 'unmapped');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('critical', 'high', 'medium', 'low', 'info');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('open', 'investigating', 'resolved');

-- CreateTable
CREATE TABLE "alerts" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "group_key" TEXT,
    "status" "AlertStatus" NOT NULL DEFAULT 'firing',
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "url" TEXT,
    "runbook_url" TEXT,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "raw_payload" JSONB NOT NULL,
    "alert_timestamp" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "occurrence_count" INTEGER NOT NULL DEFAULT 1,
    "source_severity" "Severity",
    "severity" "Severity",
    "severity_confidence" DOUBLE PRECISION,
    "severity_model" TEXT,
    "team" TEXT,
    "team_confidence" DOUBLE PRECISION,
    "team_model" TEXT,
    "service_name" TEXT,
    "environment" TEXT,
    "region" TEXT,
    "error_code" TEXT,
    "entities" JSONB NOT NULL DEFAULT '{}',
    "entities_model" TEXT,
    "processing_state" "ProcessingState" NOT NULL DEFAULT 'pending',
    "processing_error" TEXT,
    "processing_attempts" INTEGER NOT NULL DEFAULT 0,
    "processed_at" TIMESTAMPTZ(3),
    "grouping_reason" TEXT,
    "grouping_score" DOUBLE PRECISION,
    "grouping_signals" JSONB,
    "embedding" vector(384),
    "embedding_model" TEXT,
    "incident_id" UUID,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "delivery_id" TEXT NOT NULL,
    "alert_ids" TEXT[],
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incidents" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "summary_model" TEXT,
    "summary_updated_at" TIMESTAMPTZ(3),
    "summary_alert_count" INTEGER,
    "status" "IncidentStatus" NOT NULL DEFAULT 'open',
    "severity" "Severity" NOT NULL DEFAULT 'info',
    "affected_services" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "environments" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "group_key" TEXT,
    "alert_count" INTEGER NOT NULL DEFAULT 0,
    "open_alert_count" INTEGER NOT NULL DEFAULT 0,
    "first_alert_at" TIMESTAMPTZ(3) NOT NULL,
    "last_alert_at" TIMESTAMPTZ(3) NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "last_notified_at" TIMESTAMPTZ(3),
    "last_notified_state" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_actions" (
    "id" UUID NOT NULL,
    "incident_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL DEFAULT 'system',
    "message" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "runbook_documents" (
    "id" UUID NOT NULL,
    "source_path" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "service" TEXT,
    "team" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "front_matter" JSONB NOT NULL DEFAULT '{}',
    "content" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "runbook_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "runbook_chunks" (
    "id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "heading_path" TEXT NOT NULL,
    "anchor" TEXT,
    "content" TEXT NOT NULL,
    "token_count" INTEGER NOT NULL,
    "embedding" vector(384),
    "embedding_model" TEXT,
    "search" tsvector,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "runbook_chunks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "copilot_queries" (
    "id" UUID NOT NULL,
    "question" TEXT NOT NULL,
    "incident_id" UUID,
    "answer" TEXT NOT NULL,
    "declined" BOOLEAN NOT NULL DEFAULT false,
    "citations" JSONB NOT NULL DEFAULT '[]',
    "retrieved" JSONB NOT NULL DEFAULT '[]',
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "latency_ms" INTEGER NOT NULL,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "copilot_queries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alerts_fingerprint_status_idx" ON "alerts"("fingerprint", "status");

-- CreateIndex
CREATE INDEX "alerts_group_key_idx" ON "alerts"("group_key");

-- CreateIndex
CREATE INDEX "alerts_incident_id_alert_timestamp_idx" ON "alerts"("incident_id", "alert_timestamp");

-- CreateIndex
CREATE INDEX "alerts_created_at_idx" ON "alerts"("created_at" DESC);

-- CreateIndex
CREATE INDEX "alerts_processing_state_created_at_idx" ON "alerts"("processing_state", "created_at");

-- CreateIndex
CREATE INDEX "alerts_service_name_environment_idx" ON "alerts"("service_name", "environment");

-- CreateIndex
CREATE INDEX "alerts_status_last_seen_at_idx" ON "alerts"("status", "last_seen_at");

-- CreateIndex
CREATE UNIQUE INDEX "alerts_source_external_id_key" ON "alerts"("source", "external_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_received_at_idx" ON "webhook_deliveries"("received_at");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_source_delivery_id_key" ON "webhook_deliveries"("source", "delivery_id");

-- CreateIndex
CREATE UNIQUE INDEX "incidents_number_key" ON "incidents"("number");

-- CreateIndex
CREATE INDEX "incidents_status_last_alert_at_idx" ON "incidents"("status", "last_alert_at" DESC);

-- CreateIndex
CREATE INDEX "incidents_severity_status_idx" ON "incidents"("severity", "status");

-- CreateIndex
CREATE INDEX "incidents_group_key_status_idx" ON "incidents"("group_key", "status");

-- CreateIndex
CREATE INDEX "incidents_last_alert_at_idx" ON "incidents"("last_alert_at" DESC);

-- CreateIndex
CREATE INDEX "incident_actions_incident_id_created_at_idx" ON "incident_actions"("incident_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "runbook_documents_source_path_key" ON "runbook_documents"("source_path");

-- CreateIndex
CREATE INDEX "runbook_documents_service_idx" ON "runbook_documents"("service");

-- CreateIndex
CREATE INDEX "runbook_documents_team_idx" ON "runbook_documents"("team");

-- CreateIndex
CREATE INDEX "runbook_chunks_embedding_model_idx" ON "runbook_chunks"("embedding_model");

-- CreateIndex
CREATE UNIQUE INDEX "runbook_chunks_document_id_ordinal_key" ON "runbook_chunks"("document_id", "ordinal");

-- CreateIndex
CREATE INDEX "copilot_queries_created_at_idx" ON "copilot_queries"("created_at" DESC);

-- CreateIndex
CREATE INDEX "copilot_queries_incident_id_idx" ON "copilot_queries"("incident_id");

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_actions" ADD CONSTRAINT "incident_actions_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runbook_chunks" ADD CONSTRAINT "runbook_chunks_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "runbook_documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: what Prisma's schema language cannot express.
-- Approximate nearest-neighbour search by cosine distance (384-dim, all-MiniLM-L6-v2 compatible).
CREATE INDEX "runbook_chunks_embedding_hnsw_idx" ON "runbook_chunks" USING hnsw ("embedding" vector_cosine_ops);
CREATE INDEX "alerts_embedding_hnsw_idx" ON "alerts" USING hnsw ("embedding" vector_cosine_ops);
-- Full text over heading path + content (written by lib/rag).
CREATE INDEX "runbook_chunks_search_gin_idx" ON "runbook_chunks" USING gin ("search");
