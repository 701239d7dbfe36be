import type { TestProject } from "vitest/node";
import { createTempDatabase } from "@/lib/db/temp-database";

/**
 * One fresh, migrated database per test run: a new database on the real PostgreSQL server
 * (TEST_DATABASE_URL, default the local server), or an in-memory embedded PGlite server when
 * OPSRELAY_TEST_DB=embedded. The same suite runs against both.
 */
declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTempDatabase({
    embedded: process.env.OPSRELAY_TEST_DB === "embedded",
    adminUrl: process.env.TEST_DATABASE_URL,
    prefix: "opsrelay_test",
  });
  project.provide("databaseUrl", database.url);
  return () => database.drop();
}
