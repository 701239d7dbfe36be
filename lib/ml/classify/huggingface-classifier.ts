import { loadCatalog, type ServiceCatalog } from "@/lib/ml/catalog";
import { extractEntities } from "@/lib/ml/entities/local-extractor";
import { describeHfError, hfCallOptions, type HfSettings } from "@/lib/ml/providers/huggingface-client";
import type { Severity } from "@/lib/severity";
import type { AlertText, Classification, Classifier, Prediction } from "@/lib/ml/types";
import { platformPrediction } from "./platform-severity";

/** Zero-shot hypotheses per severity: descriptions, not bare words, work better with NLI models. */
export const SEVERITY_HYPOTHESES: Record<Severity, string> = {
  critical: "a critical outage with customers affected",
  high: "a serious failure that needs action now",
  medium: "a degradation or warning to look at today",
  low: "a minor issue with little impact",
  info: "an informational notice needing no action",
};

function alertText(alert: AlertText): string {
  const labels = Object.entries(alert.labels ?? {})
    .filter(([k]) => !/severity|priority|level/i.test(k))
    .slice(0, 12)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  return `${alert.title}\n${alert.message}\n${labels}`.slice(0, 1500);
}

/**
 * Hugging Face zero-shot classification (HF_CLASSIFIER_MODEL, e.g. facebook/bart-large-mnli) for severity
 * and, when the catalog cannot tell, the owning team. The platform's severity and the catalog's owner
 * still win. On any API failure the local classifier answers, marked degradedFrom "huggingface".
 */
export class HuggingFaceClassifier implements Classifier {
  readonly name = "huggingface";

  constructor(
    private readonly hf: HfSettings,
    private readonly modelId: string,
    private readonly fallback: Classifier,
    private readonly catalog: () => ServiceCatalog = () => loadCatalog(),
  ) {}

  private async zeroShot(text: string, labels: string[]): Promise<{ label: string; score: number }> {
    const out = await this.hf.client.zeroShotClassification(
      { model: this.modelId, endpointUrl: this.hf.endpointFor(this.modelId), inputs: text, parameters: { candidate_labels: labels } },
      hfCallOptions(this.hf.timeoutMs),
    );
    const best = [...out].sort((a, b) => b.score - a.score)[0];
    if (!best || !labels.includes(best.label)) throw new Error("zero-shot answer names no candidate label");
    return best;
  }

  async classify(alert: AlertText): Promise<Classification> {
    const catalog = this.catalog();
    const text = alertText(alert);
    try {
      let severity = platformPrediction(alert);
      if (!severity) {
        const hypotheses = Object.entries(SEVERITY_HYPOTHESES);
        const best = await this.zeroShot(text, hypotheses.map(([, h]) => h));
        const value = hypotheses.find(([, h]) => h === best.label)![0] as Severity;
        severity = { value, confidence: round(best.score), provider: "huggingface", model: this.modelId };
      }
      const entities = extractEntities(alert, catalog);
      const service = entities.service ? catalog.byName.get(entities.service.toLowerCase()) : undefined;
      let team: Prediction<string>;
      if (service) team = { value: service.team, confidence: entities.origins.service === "label" ? 0.97 : 0.85, provider: "rules", model: "service-catalog" };
      else {
        const names = catalog.teams.map((t) => `${t.name} team`);
        const best = await this.zeroShot(text, names);
        const t = catalog.teams[names.indexOf(best.label)];
        team = { value: t.id, confidence: round(best.score), provider: "huggingface", model: this.modelId };
      }
      return { severity, team };
    } catch (err) {
      const reason = describeHfError(err);
      console.warn(`[ml] huggingface classification failed (${reason}); using the local classifier`);
      const local = await this.fallback.classify(alert);
      const mark = <T,>(p: Prediction<T>): Prediction<T> => ({ ...p, degradedFrom: "huggingface", degradedReason: reason });
      return { severity: mark(local.severity), team: mark(local.team) };
    }
  }
}

function round(x: number) {
  return Math.round(x * 1000) / 1000;
}
