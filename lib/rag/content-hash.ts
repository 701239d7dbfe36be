import { createHash } from "node:crypto";

/** sha256 of the exact text: an unchanged document is recognised and skipped on re-ingest. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
