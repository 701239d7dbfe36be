import type { PromptPassage } from "./prompt";
import type { RetrievedChunk } from "./retrieve";

/**
 * The answer without a language model: the best passages, each under its document › section heading
 * with its citation number, whole (steps, lists and code blocks as written, never cut).
 */

export const NOT_COVERED = "The runbooks don't cover this.";

const MAX_OFFLINE_CHARS = 4_000;

function sectionOf(c: RetrievedChunk): string {
  return c.headingPath;
}

export function offlineAnswer(passages: PromptPassage[], maxPassages = 3): string {
  const parts: string[] = [];
  let used = 0;
  for (const p of passages.slice(0, maxPassages)) {
    const body = p.chunk.content.trim();
    if (parts.length > 0 && used + body.length > MAX_OFFLINE_CHARS) continue;
    parts.push(`**${sectionOf(p.chunk)}** [${p.n}]\n\n${body}`);
    used += body.length;
  }
  return `From the runbooks:\n\n${parts.join("\n\n---\n\n")}`;
}

export function declinedAnswer(closest: RetrievedChunk[], missing: string[]): string {
  const lines = [NOT_COVERED];
  if (missing.length) lines.push(`Nothing in them matches: ${missing.slice(0, 4).map((w) => `"${w}"`).join(", ")}.`);
  if (closest.length) {
    lines.push("", "Closest passages (probably not what you need):");
    for (const c of closest.slice(0, 3)) lines.push(`- ${c.headingPath} (${c.sourcePath})`);
  }
  return lines.join("\n");
}
