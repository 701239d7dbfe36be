import { db, Prisma } from "@/lib/db";
import type { Entities, Provenance } from "@/lib/ml/types";
import { ALERT_TEXT_FIELDS, modelLabel, toAlertText } from "@/lib/pipeline/alert-text";
import { fallbackEntities } from "@/lib/pipeline/fallback-rules";
import { getExtractorForTriage, mlTimeoutMs } from "@/lib/pipeline/providers";
import { errorMessage, type StepContext, withTimeout } from "@/lib/pipeline/retry";
import { safeCatalog } from "@/lib/triage/classify";

export type ExtractOutcome = {
  service: string | null;
  environment: string | null;
  degraded?: string;
};

/**
 * Triage step 2: service, environment, region, error code and the rest. Same failure policy as
 * classification: retry, then labels-based rules on the last attempt.
 */
export async function extractAlertEntities(alertId: string, ctx: StepContext): Promise<ExtractOutcome> {
  // Only what the model reads: raw_payload can be a whole webhook body.
  const alert = await db().alert.findUniqueOrThrow({ where: { id: alertId }, select: ALERT_TEXT_FIELDS });
  const text = toAlertText(alert);
  let result: Entities & Provenance;
  let degraded: string | undefined;
  try {
    result = await withTimeout((await getExtractorForTriage()).extract(text), mlTimeoutMs(), "entity extractor");
  } catch (error) {
    if (!ctx.finalAttempt) throw error;
    result = fallbackEntities(text, safeCatalog());
    degraded = `entity extraction fell back to labels (${errorMessage(error)})`;
  }
  const model = modelLabel(result);
  await db().alert.update({
    where: { id: alertId },
    data: {
      serviceName: result.service ?? null,
      environment: result.environment ?? null,
      region: result.region ?? null,
      errorCode: result.errorCode ?? null,
      entities: { ...result.all, _model: model } as Prisma.InputJsonValue,
      entitiesModel: model,
    },
  });
  return { service: result.service ?? null, environment: result.environment ?? null, ...(degraded ? { degraded } : {}) };
}
