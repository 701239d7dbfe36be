import { loadCatalog, lookupService, type ServiceCatalog } from "@/lib/ml/catalog";

/**
 * Service dependencies (catalog `dependsOn`) as a grouping signal. Only direct lineage counts (A calls B,
 * or A calls something that calls B); two services that merely share a dependency (both use kafka) are
 * not related by this, because that would merge every unrelated outage on the platform.
 */
export interface DependencyGraph {
  relation(from: string, to: string): { direction: "upstream" | "downstream"; hops: number } | null;
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

  const memo = new Map<string, { direction: "upstream" | "downstream"; hops: number } | null>();
  return {
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
export const NO_DEPENDENCIES: DependencyGraph = { relation: () => null };
