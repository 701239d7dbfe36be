import { db } from "@/lib/db";

/**
 * Navigation passages. Runbooks are written from templates: every service runbook has its "Dashboards",
 * "Alerts", "Restarting safely" and "Escalation" sections, and catalog pages list every service with the
 * same sentences. An alert shares its service name and metric words with all of them, so they outrank the
 * section that holds the fix ("Nodes not ready" under the "Alerts" table that names KubeNodeNotReady). For
 * an alert query such passages are demoted; for a typed question they stay as they are ("who do I escalate to").
 *
 * A passage is navigation when its section title recurs across the knowledge base (a template's headings,
 * or the "Summary" of every entry of an incident digest), when it is the header of a templated runbook (the
 * intro of a document with several template headings: owner, tier, aliases), when its document is a
 * catalog (sections titled by service names) or when it names many of the knowledge base's services.
 */

/** A section title of at least this many sections per document (and at least MIN_DOCS) is a template heading:
 * a quarter, so that headings several topic runbooks share by habit ("Symptoms" in 11 of 70) are not. */
export const TEMPLATE_HEADING_SHARE = 0.25;
export const TEMPLATE_HEADING_MIN_DOCS = 5;
/** A document with this many template headings is templated; one with this many sections titled by a service is a catalog. */
export const TEMPLATED_DOC_HEADINGS = 3;
export const CATALOG_DOC_SERVICES = 4;
/** A passage naming at least this many distinct services is a catalog entry. */
export const CATALOG_SERVICES = 4;
const CACHE_MS = 60_000;

export interface Vocabulary {
  /** Lower-cased section titles that recur across documents. */
  templateHeadings: Set<string>;
  /** Lower-cased service names of the documents' front matter. */
  services: string[];
  /** Documents whose intro is a template header. */
  templatedDocs: Set<string>;
  /** Catalog documents (sections titled by service names). */
  catalogDocs: Set<string>;
}

type Client = ReturnType<typeof db>;
const cache = new WeakMap<object, { at: number; value: Promise<Vocabulary> }>();

/** The last heading of a chunk's path ("Title › Common problems › Lock waits" → "lock waits"); "" for the intro. */
export function sectionTitle(headingPath: string): string {
  const parts = headingPath.split(" › ");
  return parts.length > 1 ? parts[parts.length - 1].trim().toLowerCase() : "";
}

async function load(client: Client): Promise<Vocabulary> {
  const [headings, services] = await Promise.all([
    client.$queryRaw<{ title: string }[]>`
      WITH n AS (SELECT count(*) AS docs FROM runbook_documents)
      SELECT lower(regexp_replace(c.heading_path, '^.* › ', '')) AS title
      FROM runbook_chunks c, n
      WHERE position(' › ' IN c.heading_path) > 0
      GROUP BY 1, n.docs
      HAVING count(*) >= greatest(${TEMPLATE_HEADING_MIN_DOCS}::float8, ${TEMPLATE_HEADING_SHARE}::float8 * n.docs)`,
    client.$queryRaw<{ service: string }[]>`SELECT DISTINCT lower(service) AS service FROM runbook_documents WHERE service IS NOT NULL`,
  ]);
  const templateHeadings = headings.map((h) => h.title);
  const serviceNames = services.map((s) => s.service).filter((s) => s.length >= 3);
  const docs = await client.$queryRaw<{ id: string; templated: boolean; catalog: boolean }[]>`
    SELECT c.document_id::text AS id,
      count(DISTINCT lower(regexp_replace(c.heading_path, '^.* › ', ''))) FILTER (WHERE lower(regexp_replace(c.heading_path, '^.* › ', '')) = ANY(${templateHeadings}::text[])) >= ${TEMPLATED_DOC_HEADINGS} AS templated,
      count(DISTINCT lower(regexp_replace(c.heading_path, '^.* › ', ''))) FILTER (WHERE lower(regexp_replace(c.heading_path, '^.* › ', '')) = ANY(${serviceNames}::text[])) >= ${CATALOG_DOC_SERVICES} AS catalog
    FROM runbook_chunks c WHERE position(' › ' IN c.heading_path) > 0
    GROUP BY c.document_id`;
  return {
    templateHeadings: new Set(templateHeadings),
    services: serviceNames,
    templatedDocs: new Set(docs.filter((d) => d.templated).map((d) => d.id)),
    catalogDocs: new Set(docs.filter((d) => d.catalog).map((d) => d.id)),
  };
}

/** The knowledge base's template headings and services, cached for a minute per database client. */
export function vocabulary(client: Client = db()): Promise<Vocabulary> {
  const hit = cache.get(client);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = load(client);
  value.catch(() => cache.delete(client));
  cache.set(client, { at: Date.now(), value });
  return value;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** How many distinct services a passage names (whole names, not parts of longer ones). */
export function servicesNamed(content: string, services: string[]): number {
  const text = content.toLowerCase();
  return services.filter((s) => new RegExp(`(?<![\\w-])${escapeRe(s)}(?![\\w-])`).test(text)).length;
}

export function isNavigation(chunk: { documentId: string; headingPath: string; content: string }, v: Vocabulary): boolean {
  if (v.catalogDocs.has(chunk.documentId)) return true;
  const title = sectionTitle(chunk.headingPath);
  if (title ? v.templateHeadings.has(title) : v.templatedDocs.has(chunk.documentId)) return true;
  return servicesNamed(chunk.content, v.services) >= CATALOG_SERVICES;
}

/**
 * A typed question that asks for what navigation passages hold — ownership, tiers, who uses what,
 * escalation and contacts, dashboards, past incidents — rather than how to fix something.
 */
const NAVIGATION_QUESTION =
  /\b(who|whom|whose|owner|owns|owned|tier|team|channel|contact|escalat\w*|on-?call|pager\w*|dashboards?|grafana|depends?|dependen\w*|uses?|used by|history|incidents?|post-?mortems?)\b/i;

export function asksForNavigation(question: string): boolean {
  return NAVIGATION_QUESTION.test(question);
}
