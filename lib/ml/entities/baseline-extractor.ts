import type { ServiceCatalog } from "@/lib/ml/catalog";
import { extractFromLabels } from "./labels";

/**
 * The rules-only baseline the real extractor is measured against (eval only): structured labels, plus
 * catalog names and aliases found verbatim in the text, plus the first "prod/staging" word. No
 * misspellings, no patterns for codes, hosts or k8s objects.
 */
export function baselineEntities(alert: { title: string; message: string; labels: Record<string, string> }, catalog: ServiceCatalog): Record<string, string[]> {
  const all: Record<string, string[]> = {};
  for (const e of extractFromLabels(alert.labels)) (all[e.type] ??= []).push(e.value);
  if (all.service) all.service = all.service.map((s) => catalog.byName.get(s)?.name ?? s);
  const text = `${alert.title} ${alert.message}`.toLowerCase();
  if (!all.service) {
    let best: { index: number; name: string } | undefined;
    for (const [name, s] of catalog.byName) {
      const i = text.search(new RegExp(`\\b${name.replace(/[-]/g, "\\-")}\\b`));
      if (i >= 0 && (!best || i < best.index)) best = { index: i, name: s.name };
    }
    if (best) all.service = [best.name];
  }
  if (!all.environment) {
    const m = /\b(prod|production|staging)\b/.exec(text);
    if (m) all.environment = [m[1] === "staging" ? "staging" : "production"];
  }
  return all;
}
