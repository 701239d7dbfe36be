import type { Alert } from "@/lib/db/generated/client";
import type { AlertText } from "@/lib/ml/types";
import type { Severity } from "@/lib/severity";

/** The columns toAlertText reads (a Prisma select). */
export const ALERT_TEXT_FIELDS = { source: true, title: true, message: true, labels: true, sourceSeverity: true } as const;

/** The alert as the ML providers read it. */
export function toAlertText(alert: Pick<Alert, "source" | "title" | "message" | "labels" | "sourceSeverity">): AlertText {
  const labels: Record<string, string> = {};
  if (alert.labels && typeof alert.labels === "object" && !Array.isArray(alert.labels)) {
    for (const [k, v] of Object.entries(alert.labels as Record<string, unknown>)) {
      if (v !== null && v !== undefined) labels[k] = String(v);
    }
  }
  return {
    source: alert.source,
    title: alert.title,
    message: alert.message,
    labels,
    sourceSeverity: (alert.sourceSeverity ?? undefined) as Severity | undefined,
  };
}

/** One text per alert for embeddings: what the problem is, not when or how often. */
export function embeddingText(alert: { title: string; message: string; serviceName?: string | null }): string {
  const parts = [alert.serviceName ? `service ${alert.serviceName}` : "", alert.title, alert.message.slice(0, 1000)];
  return parts.filter(Boolean).join("\n");
}

/** How a prediction's origin is written to the *_model columns: "provider:model". */
export function modelLabel(p: { provider: string; model: string }): string {
  return p.model.startsWith(`${p.provider}:`) ? p.model : `${p.provider}:${p.model}`;
}
