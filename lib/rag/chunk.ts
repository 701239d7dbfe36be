import { fmList, fmString, splitFrontMatter, type FrontMatter } from "./front-matter";

/**
 * Runbook → chunks that follow the headings. Each chunk keeps its heading path
 * (document › section › subsection) for citations. Code blocks, tables and lists are atomic blocks:
 * a chunk boundary only falls between blocks, so they are never cut in half (a single block larger
 * than the limit becomes its own oversized chunk). Long sections split with a one-block overlap.
 */

export interface ChunkOptions {
  /** Soft upper bound per chunk, in approximate tokens. */
  maxTokens: number;
  /** A trailing block up to this size is repeated at the start of the next chunk of the same section. */
  overlapTokens: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxTokens: 320, overlapTokens: 60 };

export interface ParsedDocument {
  title: string;
  service?: string;
  team?: string;
  tags: string[];
  url?: string;
  frontMatter: FrontMatter;
  chunks: Chunk[];
}

export interface Chunk {
  ordinal: number;
  /** Headings from the document title down, e.g. ["Payments DB failover", "Procedure", "Promote"]. */
  headings: string[];
  headingPath: string;
  anchor: string | null;
  content: string;
  tokenCount: number;
}

type BlockKind = "heading" | "code" | "table" | "list" | "text";
interface Block {
  kind: BlockKind;
  text: string;
  level?: number;
  heading?: string;
}

export const HEADING_SEPARATOR = " › ";

/** Rough token count (≈ what a BPE tokenizer gives for English prose): words plus punctuation runs. */
export function approxTokens(text: string): number {
  const m = text.match(/[A-Za-z0-9]+|[^\sA-Za-z0-9]/g);
  return m ? Math.ceil(m.length * 0.9) : 0;
}

export function slugify(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-");
}

const FENCE_RE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING_RE = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_RE = /^\s{0,3}(?:[-*+]|\d+[.)])\s+/;
const TABLE_RE = /^\s*\|/;

/** Splits markdown into blocks. A fence without a closing fence runs to the end of the document. */
export function markdownBlocks(body: string): Block[] {
  const lines = body.split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = FENCE_RE.exec(line);
    if (fence) {
      const marker = fence[1];
      const start = i++;
      while (i < lines.length && !lines[i].trim().startsWith(marker)) i++;
      i = Math.min(i + 1, lines.length);
      blocks.push({ kind: "code", text: lines.slice(start, i).join("\n") });
      continue;
    }
    const h = HEADING_RE.exec(line);
    if (h) {
      blocks.push({ kind: "heading", level: h[1].length, heading: h[2].trim(), text: line.trim() });
      i++;
      continue;
    }
    if (TABLE_RE.test(line)) {
      const start = i;
      while (i < lines.length && TABLE_RE.test(lines[i])) i++;
      blocks.push({ kind: "table", text: lines.slice(start, i).join("\n") });
      continue;
    }
    if (LIST_RE.test(line)) {
      // A list continues across blank lines while the next content line is an item or indented
      // (item bodies, nested lists, indented code).
      const start = i;
      let end = i + 1;
      let j = i + 1;
      while (j < lines.length) {
        const l = lines[j];
        if (!l.trim()) {
          j++;
          continue;
        }
        if (LIST_RE.test(l) || /^\s{2,}\S/.test(l)) {
          if (FENCE_RE.test(l)) {
            // Indented fenced code inside a list item: consume it whole.
            const marker = FENCE_RE.exec(l)![1];
            j++;
            while (j < lines.length && !lines[j].trim().startsWith(marker)) j++;
          }
          end = j + 1;
          j++;
          continue;
        }
        if (HEADING_RE.test(l) || TABLE_RE.test(l) || FENCE_RE.test(l) || !lines[j - 1].trim()) break;
        // Lazy continuation line of the previous item.
        end = j + 1;
        j++;
      }
      blocks.push({ kind: "list", text: lines.slice(start, end).join("\n") });
      i = end;
      continue;
    }
    const start = i;
    while (
      i < lines.length &&
      lines[i].trim() &&
      !FENCE_RE.test(lines[i]) &&
      !HEADING_RE.test(lines[i]) &&
      !TABLE_RE.test(lines[i]) &&
      !(i > start && LIST_RE.test(lines[i]))
    )
      i++;
    blocks.push({ kind: "text", text: lines.slice(start, i).join("\n") });
  }
  return blocks;
}

/** Splits an over-long prose paragraph at sentence ends (prose may be split; code/tables/lists may not). */
function splitProse(block: Block, max: number): Block[] {
  if (block.kind !== "text" || approxTokens(block.text) <= max) return [block];
  const sentences = block.text.match(/[^.!?]+(?:[.!?]+|$)\s*/g) ?? [block.text];
  const out: Block[] = [];
  let cur = "";
  for (const s of sentences) {
    if (cur && approxTokens(cur + s) > max) {
      out.push({ kind: "text", text: cur.trim() });
      cur = "";
    }
    cur += s;
  }
  if (cur.trim()) out.push({ kind: "text", text: cur.trim() });
  return out;
}

interface Section {
  headings: string[];
  blocks: Block[];
}

function sections(title: string, blocks: Block[]): Section[] {
  const out: Section[] = [];
  const stack: { level: number; heading: string }[] = [];
  let cur: Section = { headings: [title], blocks: [] };
  let sawTitleH1 = false;
  for (const b of blocks) {
    if (b.kind !== "heading") {
      cur.blocks.push(b);
      continue;
    }
    // The first H1 is the document title itself: it does not open a section of its own.
    if (b.level === 1 && !sawTitleH1 && out.length === 0 && cur.blocks.length === 0 && stack.length === 0) {
      sawTitleH1 = true;
      continue;
    }
    if (cur.blocks.length) out.push(cur);
    while (stack.length && stack[stack.length - 1].level >= b.level!) stack.pop();
    stack.push({ level: b.level!, heading: b.heading! });
    cur = { headings: [title, ...stack.map((s) => s.heading)], blocks: [] };
  }
  if (cur.blocks.length) out.push(cur);
  return out;
}

function packSection(sec: Section, opts: ChunkOptions): string[] {
  const blocks = sec.blocks.flatMap((b) => splitProse(b, opts.maxTokens));
  const chunks: string[] = [];
  let cur: Block[] = [];
  let size = 0;
  for (const b of blocks) {
    const t = approxTokens(b.text);
    if (cur.length && size + t > opts.maxTokens) {
      chunks.push(cur.map((x) => x.text).join("\n\n"));
      const last = cur[cur.length - 1];
      const lastSize = approxTokens(last.text);
      // Overlap: carry a short trailing prose block into the next chunk so context isn't lost at the cut.
      cur = last.kind === "text" && lastSize <= opts.overlapTokens ? [last] : [];
      size = cur.length ? lastSize : 0;
    }
    cur.push(b);
    size += t;
  }
  if (cur.length) chunks.push(cur.map((x) => x.text).join("\n\n"));
  return chunks;
}

function titleFromPath(sourcePath: string): string {
  const base = sourcePath.split("/").pop() ?? sourcePath;
  const name = base.replace(/\.(md|markdown|txt|text)$/i, "").replace(/[-_]+/g, " ").trim();
  return name ? name[0].toUpperCase() + name.slice(1) : "Untitled";
}

export function isMarkdownPath(sourcePath: string): boolean {
  return !/\.(txt|text)$/i.test(sourcePath);
}

/** Parses a runbook (markdown or plain text) into metadata and heading-aware chunks. */
export function chunkDocument(sourcePath: string, text: string, opts: ChunkOptions = DEFAULT_CHUNK_OPTIONS): ParsedDocument {
  const { frontMatter, body } = splitFrontMatter(text);
  const markdown = isMarkdownPath(sourcePath);
  const blocks: Block[] = markdown
    ? markdownBlocks(body)
    : body
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => ({ kind: "text" as const, text: p }));
  const firstH1 = markdown ? blocks.find((b) => b.kind === "heading" && b.level === 1)?.heading : undefined;
  const firstLine = !markdown ? body.trim().split("\n")[0]?.trim() : undefined;
  const title =
    fmString(frontMatter, "title") ??
    firstH1 ??
    (firstLine && firstLine.length <= 100 ? firstLine : undefined) ??
    titleFromPath(sourcePath);

  const chunks: Chunk[] = [];
  for (const sec of sections(title, blocks)) {
    for (const content of packSection(sec, opts)) {
      const last = sec.headings[sec.headings.length - 1];
      chunks.push({
        ordinal: chunks.length,
        headings: sec.headings,
        headingPath: sec.headings.join(HEADING_SEPARATOR),
        anchor: sec.headings.length > 1 ? slugify(last) : null,
        content,
        tokenCount: approxTokens(content),
      });
    }
  }
  return {
    title,
    service: fmString(frontMatter, "service"),
    team: fmString(frontMatter, "team"),
    tags: fmList(frontMatter, "tags"),
    url: fmString(frontMatter, "url"),
    frontMatter,
    chunks,
  };
}
