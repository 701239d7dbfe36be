import { db, Prisma, toVectorLiteral, type Db } from "@/lib/db";
import type { Embedder } from "@/lib/ml/types";
import { chunkDocument, DEFAULT_CHUNK_OPTIONS, type Chunk, type ParsedDocument } from "./chunk";
import { contentHash } from "./content-hash";
import { ragEmbedder } from "./embedder";
import { codeTokens } from "./search-terms";

/**
 * Adds or replaces one runbook: parse, chunk, embed, then in one transaction upsert the document and
 * swap its chunks (embedding + full-text vector written in SQL). Unchanged content made with the same
 * embedding model does no work.
 */

/** Bump when chunking changes, so re-ingesting re-chunks documents whose text did not change. */
export const CHUNKER_VERSION = "chunk-v1";

export const MAX_DOCUMENT_BYTES = 2_000_000;

export interface RunbookInput {
  /** Stable identity: path relative to the ingested folder, or the uploaded file name. */
  sourcePath: string;
  content: string;
}

export type IngestStatus = "created" | "updated" | "unchanged";

export interface IngestResult {
  id: string;
  sourcePath: string;
  title: string;
  status: IngestStatus;
  chunks: number;
}

export function normalizeSourcePath(p: string): string {
  const s = p.replace(/\\/g, "/").replace(/^\.?\/+/, "").trim();
  if (!s || s.split("/").some((part) => part === "..")) throw new Error(`invalid runbook path "${p}"`);
  return s;
}

function documentHash(content: string): string {
  return contentHash(`${CHUNKER_VERSION}\n${content}`);
}

/** The text that is embedded: title and heading path give a chunk its context. */
export function chunkEmbeddingText(chunk: Pick<Chunk, "headings" | "content">): string {
  return `${chunk.headings.join(" / ")}\n${chunk.content}`;
}

export async function ingestRunbook(
  input: RunbookInput,
  opts: { embedder?: Embedder; client?: ReturnType<typeof db> } = {},
): Promise<IngestResult> {
  const client = opts.client ?? db();
  const embedder = opts.embedder ?? (await ragEmbedder());
  const sourcePath = normalizeSourcePath(input.sourcePath);
  if (Buffer.byteLength(input.content, "utf8") > MAX_DOCUMENT_BYTES) {
    throw new Error(`runbook "${sourcePath}" is larger than ${MAX_DOCUMENT_BYTES} bytes`);
  }
  const hash = documentHash(input.content);

  const existing = await client.runbookDocument.findUnique({ where: { sourcePath }, select: { id: true, title: true, contentHash: true } });
  if (existing && existing.contentHash === hash) {
    const stale = await client.runbookChunk.count({
      where: { documentId: existing.id, OR: [{ embeddingModel: { not: embedder.model } }, { embeddingModel: null }] },
    });
    if (stale === 0) {
      const chunks = await client.runbookChunk.count({ where: { documentId: existing.id } });
      return { id: existing.id, sourcePath, title: existing.title, status: "unchanged", chunks };
    }
  }

  const parsed = chunkDocument(sourcePath, input.content, DEFAULT_CHUNK_OPTIONS);
  const vectors = parsed.chunks.length ? await embedder.embed(parsed.chunks.map(chunkEmbeddingText)) : [];
  const data = {
    title: parsed.title,
    url: parsed.url ?? null,
    service: parsed.service ?? null,
    team: parsed.team ?? null,
    tags: parsed.tags,
    frontMatter: parsed.frontMatter as Prisma.InputJsonValue,
    content: input.content,
    contentHash: hash,
  };

  const id = await client.$transaction(async (tx) => {
    const doc = await tx.runbookDocument.upsert({
      where: { sourcePath },
      create: { sourcePath, ...data },
      update: data,
      select: { id: true },
    });
    await tx.runbookChunk.deleteMany({ where: { documentId: doc.id } });
    await insertChunks(tx, doc.id, parsed, vectors, embedder.model);
    return doc.id;
  });
  return { id, sourcePath, title: parsed.title, status: existing ? "updated" : "created", chunks: parsed.chunks.length };
}

const INSERT_BATCH = 100;

async function insertChunks(tx: Db, documentId: string, parsed: ParsedDocument, vectors: number[][], model: string) {
  for (let start = 0; start < parsed.chunks.length; start += INSERT_BATCH) {
    const rows = parsed.chunks.slice(start, start + INSERT_BATCH).map((c, k) => {
      const codes = codeTokens(`${c.headingPath}\n${c.content}`).join(" ");
      return Prisma.sql`(gen_random_uuid(), ${documentId}::uuid, ${c.ordinal}, ${c.headingPath}, ${c.anchor}, ${c.content},
        ${c.tokenCount}, ${toVectorLiteral(vectors[start + k])}::vector, ${model},
        setweight(to_tsvector('english', ${c.headingPath}), 'A') ||
        setweight(to_tsvector('english', ${c.content}), 'B') ||
        setweight(to_tsvector('simple', ${codes}), 'A'))`;
    });
    await tx.$executeRaw`
      INSERT INTO runbook_chunks (id, document_id, ordinal, heading_path, anchor, content, token_count, embedding, embedding_model, search)
      VALUES ${Prisma.join(rows)}`;
  }
}

export async function deleteRunbook(id: string, client = db()): Promise<boolean> {
  const res = await client.runbookDocument.deleteMany({ where: { id } });
  return res.count > 0;
}

/** Deletes documents whose source path is not in `keep` (folder ingest with pruning); returns the paths removed. */
export async function pruneRunbooks(keep: string[], opts: { under?: string; client?: ReturnType<typeof db> } = {}): Promise<string[]> {
  const client = opts.client ?? db();
  const keepSet = new Set(keep.map(normalizeSourcePath));
  const docs = await client.runbookDocument.findMany({ select: { id: true, sourcePath: true } });
  const gone = docs.filter((d) => !keepSet.has(d.sourcePath) && (!opts.under || d.sourcePath.startsWith(opts.under)));
  if (gone.length) await client.runbookDocument.deleteMany({ where: { id: { in: gone.map((d) => d.id) } } });
  return gone.map((d) => d.sourcePath);
}
