import { loadCatalog, lookupService, type ServiceCatalog } from "@/lib/ml/catalog";

/**
 * Service dependencies (catalog `dependsOn`) as a grouping signal. Only direct lineage counts (A calls B,
 * or A calls something that calls B); two services that merely share a dependency (both use kafka) are
 * not related by this, because that would merge every unrelated outage on the platform.
 */
export interface DependencyGraph {
  relation(from: string, to: string): { direction: "upstream" | "downstream"; hops: number } | null;
  /**
   * Catalog services an alert's text names ("upstream payments-api unavailable", "redis GET timeouts"):
   * canonical names always, aliases too (callers only trust an alias mention along a dependency edge).
   */
  mentions(text: string): { service: string; viaAlias: boolean }[];
}

const MAX_HOPS = 2;

export function buildDependencyGraph(catalog: Pick<ServiceCatalog, "services" | "byName">): DependencyGraph {
  const canonical = (name: string) => lookupService(catalog as ServiceCatalog, name)?.name ?? name.toLowerCase();
  const direct = new Map<string, string[]>();
  for (const s of catalog.services) direct.set(s.name, s.dependsOn.map(canonical));

  /** Hops from `from` down to `to` following dependsOn, or null beyond MAX_HOPS. */
  const hopsDown = (from: string, to: string): number | null => {
    let frontier = [from];
    const seen = new Set(frontier);
    for (let hop = 1; hop <= MAX_HOPS; hop++) {
      const next: string[] = [];
      for (const s of frontier) {
        for (const d of direct.get(s) ?? []) {
          if (d === to) return hop;
          if (!seen.has(d)) {
            seen.add(d);
            next.push(d);
          }
        }
      }
      frontier = next;
    }
    return null;
  };

  // One pass over the words of the text; names are matched on word boundaries, camelCase split
  // ("KafkaTimeoutError" names kafka), longest name first so "payments-api" wins over "payments".
  const names = catalog.services
    .flatMap((s) => [{ name: s.name, service: s.name, viaAlias: false }, ...s.aliases.map((a) => ({ name: a.toLowerCase(), service: s.name, viaAlias: true }))])
    .sort((a, b) => b.name.length - a.name.length);
  const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(?<![a-z0-9])(${names.map((n) => escape(n.name)).join("|")})(?![a-z0-9])`, "g");
  const byName = new Map(names.map((n) => [n.name, n]));

  const memo = new Map<string, { direction: "upstream" | "downstream"; hops: number } | null>();
  return {
    mentions(text) {
      const normalized = text.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
      const found = new Map<string, boolean>();
      for (const m of normalized.matchAll(pattern)) {
        const hit = byName.get(m[1]);
        if (hit) found.set(hit.service, (found.get(hit.service) ?? true) && hit.viaAlias);
      }
      return [...found].map(([service, viaAlias]) => ({ service, viaAlias }));
    },
    relation(fromName, toName) {
      const from = canonical(fromName);
      const to = canonical(toName);
      if (from === to) return null;
      const key = `${from}\u0000${to}`;
      if (memo.has(key)) return memo.get(key)!;
      const down = hopsDown(from, to);
      const up = down === null ? hopsDown(to, from) : null;
      const result =
        down !== null ? { direction: "upstream" as const, hops: down } : up !== null ? { direction: "downstream" as const, hops: up } : null;
      memo.set(key, result);
      return result;
    },
  };
}

let cached: { catalog: ServiceCatalog; graph: DependencyGraph } | undefined;

/** The graph of the configured catalog (rebuilt when the catalog object changes). */
export function dependencyGraph(): DependencyGraph {
  const catalog = loadCatalog();
  if (cached?.catalog !== catalog) cached = { catalog, graph: buildDependencyGraph(catalog) };
  return cached.graph;
}

/** No dependency knowledge (tests, baselines). */
export const NO_DEPENDENCIES: DependencyGraph = { relation: () => null, mentions: () => [] };
