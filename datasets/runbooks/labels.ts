/** Question-set types and label matching, shared by the eval and the paraphrase check. */
import fs from "node:fs";
import path from "node:path";

export type Kind = "lexical" | "paraphrase" | "multi-hop" | "incident-context" | "unanswerable";

export interface Target {
  path: string;
  section?: string;
}
export type Relevant = Target | { anyOf: Target[] };

export interface AlertInput {
  source: string;
  title: string;
  message: string;
  labels: Record<string, string>;
  service?: string;
  errorCode?: string;
  runbookUrl?: string;
}

export interface Question {
  id: string;
  kind: Kind;
  /** dev: tuning and calibration; test: reported; holdout, holdout-2: frozen batches never tuned on; holdout-3: frozen, then used as dev for incident-context ranking; holdout-4: frozen, never tuned on. */
  split: "dev" | "test" | "holdout" | "holdout-2" | "holdout-3" | "holdout-4";
  question?: string;
  alert?: AlertInput;
  relevant?: Relevant[];
}

const QUESTION_FILES = ["questions.json", "questions-dev-2.json", "questions-holdout-2.json", "questions-holdout-3.json", "questions-holdout-4.json"].map((f) => path.join(import.meta.dirname, f));

/** Every question: the main set (dev/test/holdout) and the later frozen held-out batches. */
export function loadQuestions(files = QUESTION_FILES): Question[] {
  return files.flatMap((file) => (JSON.parse(fs.readFileSync(file, "utf8")) as { questions: Question[] }).questions);
}

export function targetsOf(r: Relevant): Target[] {
  return "anyOf" in r ? r.anyOf : [r];
}

/** A chunk answers a target when it is in that document and (if a section is named) under that heading. */
export function chunkMatches(chunk: { sourcePath: string; headingPath: string }, t: Target): boolean {
  if (chunk.sourcePath !== t.path) return false;
  if (!t.section) return true;
  const parts = chunk.headingPath.split(" › ");
  return parts.slice(1).includes(t.section);
}
