import { z } from "zod";
import { dequantize, type LogRegModel } from "./logreg";

/** The trained classifier as shipped in lib/ml/models/alert-classifier.json (written by `npm run ml:train`). */

const quantized = z.object({
  classes: z.array(z.string()).min(2),
  dims: z.number().int().positive(),
  scales: z.array(z.number()),
  bias: z.array(z.number()),
  weights: z.string(),
});

export const artifactSchema = z.object({
  format: z.literal("opsrelay-alert-classifier"),
  /** Model name recorded with every prediction. */
  name: z.string(),
  featureVersion: z.number().int(),
  trainedAt: z.string(),
  seed: z.number(),
  training: z.object({ file: z.string(), examples: z.number(), sha256: z.string() }),
  validation: z.record(z.string(), z.number()).optional(),
  severity: quantized,
  /** Severity from the cue features only; averaged with `severity` (older artifacts have none). */
  severityCues: quantized.optional(),
  team: quantized,
});

export type ClassifierArtifact = z.infer<typeof artifactSchema>;

export interface LoadedClassifierModel {
  name: string;
  featureVersion: number;
  severity: LogRegModel;
  severityCues?: LogRegModel;
  team: LogRegModel;
}

export function loadArtifact(raw: unknown): LoadedClassifierModel {
  const parsed = artifactSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`classifier artifact is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const a = parsed.data;
  return { name: a.name, featureVersion: a.featureVersion, severity: dequantize(a.severity), severityCues: a.severityCues && dequantize(a.severityCues), team: dequantize(a.team) };
}
