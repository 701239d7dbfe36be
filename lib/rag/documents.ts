import { db } from "@/lib/db";

/** Read side of the knowledge base for the API and dashboard. */

export interface RunbookSummary {
  id: string;
  sourcePath: string;
  title: string;
  url: string | null;
  service: string | null;
  team: string | null;
  tags: string[];
  chunkCount: number;
  updatedAt: Date;
}

export async function listRunbooks(opts: { service?: string; team?: string; q?: string; limit?: number } = {}): Promise<RunbookSummary[]> {
  const docs = await db().runbookDocument.findMany({
    where: {
      ...(opts.service ? { service: opts.service } : {}),
      ...(opts.team ? { team: opts.team } : {}),
      ...(opts.q
        ? { OR: [{ title: { contains: opts.q, mode: "insensitive" as const } }, { sourcePath: { contains: opts.q, mode: "insensitive" as const } }] }
        : {}),
    },
    orderBy: { sourcePath: "asc" },
    take: Math.min(opts.limit ?? 500, 1000),
    select: { id: true, sourcePath: true, title: true, url: true, service: true, team: true, tags: true, updatedAt: true, _count: { select: { chunks: true } } },
  });
  return docs.map(({ _count, ...d }) => ({ ...d, chunkCount: _count.chunks }));
}

export async function getRunbook(id: string) {
  return db().runbookDocument.findUnique({
    where: { id },
    select: {
      id: true,
      sourcePath: true,
      title: true,
      url: true,
      service: true,
      team: true,
      tags: true,
      frontMatter: true,
      content: true,
      contentHash: true,
      createdAt: true,
      updatedAt: true,
      chunks: {
        orderBy: { ordinal: "asc" },
        select: { id: true, ordinal: true, headingPath: true, anchor: true, content: true, tokenCount: true, embeddingModel: true },
      },
    },
  });
}
