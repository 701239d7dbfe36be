import { loadCatalog, type ServiceCatalog } from "@/lib/ml/catalog";
import { extractEntities } from "@/lib/ml/entities/local-extractor";
import type { AlertText, Classification, Classifier } from "@/lib/ml/types";
import { platformPrediction } from "./platform-severity";
import { severityFromRules } from "./severity-rules";

export const RULES_MODEL = "opsrelay-rules-v1";

/** Team from the catalog via the extracted service; confidence by how the service was found. */
export function teamFromCatalog(alert: AlertText, catalog: ServiceCatalog): { team: string; confidence: number } | undefined {
  const entities = extractEntities(alert, catalog);
  if (!entities.service) return undefined;
  const service = catalog.byName.get(entities.service.toLowerCase());
  if (!service) return undefined;
  return { team: service.team, confidence: entities.origins.service === "label" ? 0.95 : 0.85 };
}

/**
 * Rules only: the platform's severity, else keywords; team from the service catalog, else the
 * platform team. The baseline the trained model is measured against, and its fallback.
 */
export class RulesClassifier implements Classifier {
  readonly name = "rules";
  constructor(private readonly catalog: () => ServiceCatalog = () => loadCatalog()) {}

  async classify(alert: AlertText): Promise<Classification> {
    const catalog = this.catalog();
    const severity =
      platformPrediction(alert) ??
      (() => {
          const r = severityFromRules(`${alert.title}\n${alert.message}`);
          return { value: r.severity, confidence: r.confidence, provider: "rules", model: RULES_MODEL };
        })();
    const t = teamFromCatalog(alert, catalog);
    const team = t
      ? { value: t.team, confidence: t.confidence, provider: "rules", model: "service-catalog" }
      : { value: catalog.teamIds.includes("platform") ? "platform" : catalog.teamIds[0], confidence: 0.2, provider: "rules", model: RULES_MODEL };
    return { severity, team };
  }
}
