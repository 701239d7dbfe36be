import { loadCatalog, type ServiceCatalog } from "@/lib/ml/catalog";
import { describeHfError, hfCallOptions, type HfSettings } from "@/lib/ml/providers/huggingface-client";
import type { AlertText, EntityExtractor, EntityResult } from "@/lib/ml/types";
import { findServices, primaryService } from "./gazetteer";
import { extractEntities, LOCAL_EXTRACTOR_MODEL } from "./local-extractor";

/** NER entity groups (CoNLL: PER, ORG, LOC, MISC) → OpsRelay entity types. */
const GROUPS: Record<string, string> = { ORG: "organization", LOC: "location", MISC: "misc", PER: "person" };

/**
 * Hugging Face token classification (HF_NER_MODEL, e.g. dslim/bert-base-NER) merged with the local
 * extractor: structured labels and patterns stay first; NER adds what they missed (locations,
 * organisations, and a service when an ORG/MISC span is a catalog name). API failure → local only,
 * marked degradedFrom "huggingface".
 */
export class HuggingFaceEntityExtractor implements EntityExtractor {
  readonly name = "huggingface";

  constructor(
    private readonly hf: HfSettings,
    private readonly modelId: string,
    private readonly catalog: () => ServiceCatalog = () => loadCatalog(),
    private readonly minScore = 0.6,
  ) {}

  async extract(alert: AlertText): Promise<EntityResult> {
    const catalog = this.catalog();
    const local = extractEntities(alert, catalog);
    const text = `${alert.title}\n${alert.message}`.slice(0, 2000);
    try {
      const spans = await this.hf.client.tokenClassification(
        { model: this.modelId, endpointUrl: this.hf.endpointFor(this.modelId), inputs: text, parameters: { aggregation_strategy: "simple" } },
        hfCallOptions(this.hf.timeoutMs),
      );
      const all = structuredClone(local.all);
      const origins: Record<string, string> = { ...local.origins };
      const confidences: Record<string, number> = { ...local.confidences };
      let service = local.service;
      for (const s of spans) {
        if (s.score < this.minScore) continue;
        const word = s.word.replace(/\s*##/g, "").trim();
        if (!word) continue;
        const group = s.entity_group ?? (s as { entity?: string }).entity ?? "MISC";
        const type = GROUPS[group.replace(/^[BI]-/, "")] ?? group.toLowerCase();
        const list = (all[type] ??= []);
        if (!list.includes(word)) list.push(word);
        origins[type] ??= "ner";
        confidences[type] ??= Math.round(s.score * 100) / 100;
        if (!service && (type === "organization" || type === "misc")) {
          const known = primaryService(findServices(catalog, word));
          if (known) {
            service = known.service.name;
            all.service = [service, ...(all.service ?? [])];
            origins.service = "ner";
            confidences.service = Math.round(s.score * 100) / 100;
          }
        }
      }
      return { ...local, service, all, origins, confidences, provider: "huggingface", model: `${this.modelId}+${LOCAL_EXTRACTOR_MODEL}` };
    } catch (err) {
      const reason = describeHfError(err);
      console.warn(`[ml] huggingface NER failed (${reason}); using the local extractor only`);
      return { ...local, provider: "local", model: LOCAL_EXTRACTOR_MODEL, degradedFrom: "huggingface", degradedReason: reason };
    }
  }
}
