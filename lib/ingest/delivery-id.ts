import { createHash } from "node:crypto";

/**
 * A delivery id for platforms that send none: a hash of the exact body, within a time bucket. A retry
 * of the same bytes inside the bucket is recognised as a duplicate; the same bytes sent again much later
 * (a platform re-notifying a still-firing alert) count as a new delivery and bump the occurrence count.
 * A retry that straddles a bucket boundary can at worst bump the count once: the alert itself stays
 * single thanks to the (source, external_id) key.
 */
export const DERIVED_DELIVERY_BUCKET_MS = 5 * 60_000;

export function derivedDeliveryId(rawBody: string, receivedAt: Date): string {
  const digest = createHash("sha256").update(rawBody).digest("hex").slice(0, 40);
  const bucket = Math.floor(receivedAt.getTime() / DERIVED_DELIVERY_BUCKET_MS);
  return `body:${digest}:${bucket}`;
}

/** Platform delivery ids are stored as given, bounded so a hostile header cannot bloat the index. */
export function normalizeDeliveryId(id: string | undefined): string | undefined {
  const trimmed = id?.trim();
  if (!trimmed) return undefined;
  return trimmed.length <= 200 ? trimmed : `long:${createHash("sha256").update(trimmed).digest("hex")}`;
}
