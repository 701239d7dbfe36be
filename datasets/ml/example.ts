import type { Severity } from "@/lib/severity";

/** One labelled alert, as stored in datasets/ml/*.jsonl (training and held-out sets). */
export interface LabelledAlert {
  id: string;
  source: string;
  title: string;
  message: string;
  labels: Record<string, string>;
  /** The platform's own severity when it stated one (the classifier uses it as is). */
  sourceSeverity?: Severity;
  /** Gold labels (see datasets/ml/README.md for the rubric). */
  severity: Severity;
  team: string;
  /** Gold entities by type; `service` is the one service the alert is about. */
  entities: Record<string, string[]>;
  /** Why this case is here (held-out hard cases), free text. */
  note?: string;
}

export function parseJsonl(text: string, file: string): LabelledAlert[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("//"))
    .map((l, i) => {
      try {
        return JSON.parse(l) as LabelledAlert;
      } catch (err) {
        throw new Error(`${file}: line ${i + 1} is not valid JSON: ${(err as Error).message}`);
      }
    });
}
