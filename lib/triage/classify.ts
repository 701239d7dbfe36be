import { db } from "@/lib/db";
import { loadCatalog } from "@/lib/ml/catalog";
import type { Classification } from "@/lib/ml/types";
import { ALERT_TEXT_FIELDS, modelLabel, toAlertText } from "@/lib/pipeline/alert-text";
import { fallbackClassification } from "@/lib/pipeline/fallback-rules";
import { getClassifierForTriage, mlTimeoutMs } from "@/lib/pipeline/providers";
import { errorMessage, type StepContext, withTimeout } from "@/lib/pipeline/retry";

export type ClassifyOutcome = {
  severity: string;
  team: string;
  /** Set when the rule-based fallback replaced the classifier. */
  degraded?: string;
};

/**
 * Triage step 1: severity and owning team. A failing classifier is retried by the runner; on the last
 * attempt the rule-based fallback answers instead, and the outcome says so.
 */
export async function classifyAlert(alertId: string, ctx: StepContext): Promise<ClassifyOutcome> {
  // Only what the model reads: raw_payload can be a whole webhook body.
  const alert = await db().alert.findUniqueOrThrow({ where: { id: alertId }, select: ALERT_TEXT_FIELDS });
  const text = toAlertText(alert);
  let result: Classification;
  let degraded: string | undefined;
  try {
    result = await withTimeout((await getClassifierForTriage()).classify(text), mlTimeoutMs(), "classifier");
  } catch (error) {
    if (!ctx.finalAttempt) throw error;
    result = fallbackClassification(text, safeCatalog());
    degraded = `classification fell back to rules (${errorMessage(error)})`;
  }
  await db().alert.update({
    where: { id: alertId },
    data: {
      severity: result.severity.value,
      severityConfidence: result.severity.confidence,
      severityModel: modelLabel(result.severity),
      team: result.team.value,
      teamConfidence: result.team.confidence,
      teamModel: modelLabel(result.team),
    },
  });
  return { severity: result.severity.value, team: result.team.value, ...(degraded ? { degraded } : {}) };
}

/** The fallback must not fail: without a readable catalog it works from labels alone. */
export function safeCatalog() {
  try {
    return loadCatalog();
  } catch {
    return undefined;
  }
}
