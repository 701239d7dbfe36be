import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { env } from "@/lib/env";

/**
 * The service catalog (SERVICE_CATALOG_PATH): service → owning team, tier, aliases. Users edit it, so it
 * is validated with a message naming the bad entry, and re-read when the file path changes.
 */

const catalogSchema = z.object({
  teams: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), slack: z.string().optional() })).min(1),
  services: z
    .array(
      z.object({
        name: z.string().min(1),
        team: z.string().min(1),
        tier: z.number().int().min(1).max(5).default(2),
        aliases: z.array(z.string()).default([]),
        dependsOn: z.array(z.string()).default([]),
        description: z.string().optional(),
      }),
    )
    .min(1),
});

export interface CatalogService {
  name: string;
  team: string;
  tier: number;
  aliases: string[];
  dependsOn: string[];
  description?: string;
}

export interface ServiceCatalog {
  teams: { id: string; name: string; slack?: string }[];
  services: CatalogService[];
  teamIds: string[];
  /** Lower-cased name or alias → canonical service. */
  byName: Map<string, CatalogService>;
}

export function buildCatalog(raw: unknown, origin = "service catalog"): ServiceCatalog {
  const parsed = catalogSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid ${origin}: ${issues}`);
  }
  const { teams, services } = parsed.data;
  const teamIds = teams.map((t) => t.id);
  const byName = new Map<string, CatalogService>();
  for (const s of services) {
    if (!teamIds.includes(s.team)) throw new Error(`Invalid ${origin}: service ${s.name} names unknown team ${s.team}`);
    byName.set(s.name.toLowerCase(), s);
  }
  // Aliases never override a canonical name, so "payments" stays an alias of payments-api only.
  for (const s of services) {
    for (const a of s.aliases) if (!byName.has(a.toLowerCase())) byName.set(a.toLowerCase(), s);
  }
  return { teams, services, teamIds, byName };
}

let cached: { file: string; mtimeMs: number; checkedAt: number; catalog: ServiceCatalog } | undefined;

/** The catalog from SERVICE_CATALOG_PATH; an edited file is picked up within a second, no restart needed. */
export function loadCatalog(file = env().SERVICE_CATALOG_PATH): ServiceCatalog {
  const resolved = path.resolve(process.cwd(), file);
  const now = Date.now();
  if (cached?.file === resolved && now - cached.checkedAt < 1000) return cached.catalog;
  let mtimeMs: number;
  let raw: unknown;
  try {
    mtimeMs = statSync(resolved).mtimeMs;
    if (cached?.file === resolved && cached.mtimeMs === mtimeMs) {
      cached.checkedAt = now;
      return cached.catalog;
    }
    raw = JSON.parse(readFileSync(resolved, "utf8"));
  } catch (err) {
    throw new Error(`Cannot read service catalog ${resolved} (SERVICE_CATALOG_PATH): ${(err as Error).message}`);
  }
  const catalog = buildCatalog(raw, `service catalog ${resolved}`);
  cached = { file: resolved, mtimeMs, checkedAt: now, catalog };
  return catalog;
}

/** Canonical service for a name or alias (exact, case-insensitive), if the catalog knows it. */
export function lookupService(catalog: ServiceCatalog, name: string | undefined): CatalogService | undefined {
  if (!name) return undefined;
  return catalog.byName.get(name.trim().toLowerCase());
}
