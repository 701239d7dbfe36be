import type { ServiceCatalog } from "@/lib/ml/catalog";

/**
 * "Where to look first" hints for on-call: from error codes and wording seen in the alerts, and from the
 * catalog's dependencies (an affected service that others depend on is the likely cause).
 */
const HINTS: [RegExp, string][] = [
  [/ECONNREFUSED|connection refused/i, "connection refused: check the target is running and listening (pods ready, port, recent restart)"],
  [/ETIMEDOUT|DEADLINE_EXCEEDED|timed? ?out|timeout/i, "timeouts: check the slow dependency's latency and saturation before the caller's"],
  [/ENOTFOUND|EAI_AGAIN|dns|NXDOMAIN/i, "name resolution failures: check DNS / CoreDNS and recent service renames"],
  [/ORA-00060|40P01|deadlock/i, "deadlocks: look for a new or long-running transaction touching the same rows (recent deploy, batch job)"],
  [/53300|too many connections|connection pool|pool exhausted|remaining connection slots/i, "connection exhaustion: check pool sizes, connection leaks and a recent scale-out of clients"],
  [/40001|serializ/i, "serialization failures: check retry behaviour and contention on hot rows"],
  [/CrashLoopBackOff/i, "crash loop: read the previous container's logs (kubectl logs --previous) and the last rollout"],
  [/OOMKilled|out of memory|OOM/i, "out of memory: compare memory limits with usage and look for a leak since the last deploy"],
  [/cert|TLS|x509|CERT_HAS_EXPIRED/i, "certificates: check expiry dates and cert-manager renewals"],
  [/disk|ENOSPC|no space|inode/i, "disk: find what is filling the volume (logs, WAL, temp files) and free or grow it"],
  [/\b429\b|rate limit|throttl/i, "rate limiting: check the caller's request rate and the provider's quota"],
  [/\b5\d\d\b|5xx|Bad Gateway|Service Unavailable/i, "5xx responses: check the upstream's health and the gateway's upstream errors"],
  [/replica(?:tion)? (?:lag|delay)|behind (?:the )?primary|seconds_behind_master/i, "replication lag: check the replica's apply rate, long queries holding it back and the primary's write volume"],
  // Lag of a consumer or job, not of a database replica (the hint above).
  [/(?<!replica |replication )lag|backlog|queue depth|consumer/i, "growing backlog: check consumer health and throughput versus producer rate"],
  [/E-[A-Z]+-\d+/, "application error codes: look the code up in the service's runbook"],
];

export function firstLookHints(text: string, max = 3): string[] {
  const out: string[] = [];
  for (const [re, hint] of HINTS) {
    if (re.test(text)) out.push(hint);
    if (out.length >= max) break;
  }
  return out;
}

/** Affected services that other affected services depend on: the probable origin. */
export function likelyOrigins(catalog: ServiceCatalog | undefined, services: string[]): string[] {
  if (!catalog || services.length < 2) return [];
  const set = new Set(services);
  const origins: string[] = [];
  for (const name of services) {
    const dependents = catalog.services.filter((s) => set.has(s.name) && s.dependsOn.includes(name));
    if (dependents.length > 0) origins.push(name);
  }
  return origins;
}
