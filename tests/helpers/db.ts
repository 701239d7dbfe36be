import { db } from "@/lib/db";

/** Empties every application table (the schema stays). Integration files call it to start clean. */
export async function resetDatabase(): Promise<void> {
  await db().$executeRawUnsafe(
    `TRUNCATE alerts, webhook_deliveries, incidents, incident_actions, runbook_documents, runbook_chunks, copilot_queries RESTART IDENTITY CASCADE`,
  );
}
