import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The Parcelwise service catalog (datasets/catalog/services.json) that every sample describes. */
export interface CatalogService {
  name: string;
  team: string;
  tier: number;
  aliases: string[];
  dependsOn: string[];
  description: string;
}

export interface Catalog {
  company: string;
  teams: { id: string; name: string; slack: string }[];
  services: CatalogService[];
}

let cached: Catalog | undefined;

export function loadCatalog(path = join(process.cwd(), "datasets/catalog/services.json")): Catalog {
  cached ??= JSON.parse(readFileSync(path, "utf8")) as Catalog;
  return cached;
}

export function service(catalog: Catalog, name: string): CatalogService {
  const found = catalog.services.find((s) => s.name === name);
  if (!found) throw new Error(`service ${name} is not in the catalog`);
  return found;
}

export function teamName(catalog: Catalog, id: string): string {
  return catalog.teams.find((t) => t.id === id)?.name ?? id;
}
