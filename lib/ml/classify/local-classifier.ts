import { loadCatalog, type ServiceCatalog } from "@/lib/ml/catalog";
import { extractEntities } from "@/lib/ml/entities/local-extractor";
import type { Severity } from "@/lib/severity";
import type { AlertText, Classification, Classifier, Prediction } from "@/lib/ml/types";
import artifactJson from "@/lib/ml/models/alert-classifier.json";
import { loadArtifact, type LoadedClassifierModel } from "./artifact";
import { FEATURE_VERSION, hashedFeatureSets, hashedFeatures } from "./features";
import { mostProbable, predict, softmaxScores, type Sparse } from "./logreg";
import { environmentOf, severityCues, signalText } from "./severity-signals";
import { platformPrediction } from "./platform-severity";
import { RulesClassifier } from "./rules-classifier";

let shipped: LoadedClassifierModel | undefined;
/** The model shipped with the code; a broken or outdated artifact degrades to rules (recorded as such). */
export function shippedModel(): LoadedClassifierModel | undefined {
  if (shipped === undefined) {
    try {
      const m = loadArtifact(artifactJson);
      if (m.featureVersion !== FEATURE_VERSION) throw new Error(`artifact features v${m.featureVersion}, code v${FEATURE_VERSION}: run npm run ml:train`);
      shipped = m;
    } catch (err) {
      console.warn(`[ml] trained classifier unavailable, using rules: ${(err as Error).message}`);
      return undefined;
    }
  }
  return shipped;
}

/** Weight of the cue-only model in the severity average (the full model keeps the rest). */
export const CUE_WEIGHT = 0.5;

/**
 * Severity probabilities: the full model averaged with the cue-only model when the artifact has one.
 * The full model knows the training wording; the cue model carries impact, scope, environment and
 * graded magnitudes to wordings it never saw.
 */
export function severityProbabilities(model: LoadedClassifierModel, all: Sparse, cues: Sparse): { label: string; probability: number } {
  const p = softmaxScores(model.severity, all);
  if (model.severityCues) {
    const q = softmaxScores(model.severityCues, cues);
    for (let c = 0; c < p.length; c++) p[c] = (1 - CUE_WEIGHT) * p[c] + CUE_WEIGHT * q[c];
  }
  return mostProbable(model.severity.classes, p);
}

/**
 * The rubric's hard rule for non-production (staging, dev, qa), which a linear model only approximates:
 * customers are not affected, so the level follows from how much of the environment is broken, not from
 * the magnitudes: a service or the whole environment down for everyone is medium, anything less is low,
 * and a notice stays info.
 */
export function gradeOutsideProduction(alert: AlertText, severity: Severity): Severity {
  if (severity === "info") return severity;
  const text = signalText(alert);
  if (environmentOf(alert, text) !== "nonprod") return severity;
  return environmentWide(text) ? "medium" : "low";
}

/**
 * Info means nothing to do (rubric): a notice, a recovery, a test. An alert that describes a problem and
 * none of those is at least low, however routine its wording looks to the model.
 */
export function floorProblemAtLow(alert: AlertText, severity: Severity): Severity {
  if (severity !== "info") return severity;
  const cues = severityCues(signalText(alert));
  if (cues.includes("recovered") || cues.includes("housekeeping")) return severity;
  return PROBLEM_CUES.some((c) => cues.includes(c)) ? "low" : severity;
}
const PROBLEM_CUES = ["outage", "blocked", "data", "exhausted", "expired", "failure", "degraded"];

/** The whole (non-production) environment or a whole service broken: down, or failing for everyone/everything. */
function environmentWide(text: string): boolean {
  const cues = severityCues(text);
  return cues.includes("outage") || cues.includes("scope_all") || /\b(every|everything|nobody|no one|entire|whole|completely)\b/.test(text);
}

/**
 * The offline default: the platform's severity statement when it gave one (platform-severity.ts), else the trained model;
 * the owning team from the service catalog when the service is identified, else the trained model.
 */
export class LocalClassifier implements Classifier {
  readonly name = "local";
  private readonly rules: RulesClassifier;

  constructor(
    // null: no model (rules only); omitted: the shipped artifact.
    private readonly model: LoadedClassifierModel | null | undefined = shippedModel(),
    private readonly catalog: () => ServiceCatalog = () => loadCatalog(),
  ) {
    this.rules = new RulesClassifier(catalog);
  }

  async classify(alert: AlertText): Promise<Classification> {
    if (!this.model) return this.rules.classify(alert);
    const catalog = this.catalog();
    const { all: x, cues } = hashedFeatureSets(alert, catalog, this.model.severity.dims, this.model.severityCues?.dims ?? 1);

    let severity = platformPrediction(alert);
    if (!severity) {
      const p = severityProbabilities(this.model, x, cues);
      severity = { value: gradeOutsideProduction(alert, floorProblemAtLow(alert, p.label as Severity)), confidence: round(p.probability), provider: "local", model: this.model.name };
    }

    const entities = extractEntities(alert, catalog);
    const service = entities.service ? catalog.byName.get(entities.service.toLowerCase()) : undefined;
    let team: Prediction<string>;
    const tx = this.model.team.dims === this.model.severity.dims ? x : hashedFeatures(alert, catalog, this.model.team.dims);
    const p = predict(this.model.team, tx);
    const certain = (entities.serviceCertainty ?? 0) >= 0.45;
    if (service && (certain || p.label === service.team || p.probability < 0.6)) {
      // The catalog is the source of truth for ownership. Only a service guessed from an ordinary word
      // ("cache", "login") gives way to a model that confidently says otherwise.
      const confidence = entities.origins.service === "label" ? 0.97 : certain ? Math.max(0.85, p.label === service.team ? p.probability : 0) : 0.6;
      team = { value: service.team, confidence: round(confidence), provider: "rules", model: "service-catalog" };
    } else {
      team = { value: p.label, confidence: round(p.probability), provider: "local", model: this.model.name };
    }
    return { severity, team };
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
