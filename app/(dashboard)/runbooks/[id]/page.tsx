import Link from "next/link";
import { notFound } from "next/navigation";
import { getRunbook } from "@/lib/rag/documents";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A runbook as its chunks, each with the anchor that copilot citations link to. */
export default async function RunbookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const doc = UUID.test(id) ? await getRunbook(id) : null;
  if (!doc) notFound();
  // A long section spans several chunks that share its anchor: only the first carries the id.
  const seen = new Set<string>();
  const anchorOf = (anchor: string | null) => (anchor && !seen.has(anchor) ? (seen.add(anchor), anchor) : undefined);
  return (
    <div className="max-w-4xl space-y-4">
      <Link href="/runbooks" className="text-sm text-muted-foreground hover:underline">
        ← Runbooks
      </Link>
      <h1 className="text-2xl font-semibold">{doc.title}</h1>
      <p className="text-sm text-muted-foreground">
        {doc.sourcePath}
        {doc.service ? ` · ${doc.service}` : ""}
        {doc.team ? ` · team ${doc.team}` : ""}
        {doc.url ? (
          <>
            {" · "}
            <a href={doc.url} className="text-primary hover:underline">
              source
            </a>
          </>
        ) : null}
      </p>
      {doc.chunks.map((c) => (
        <section key={c.id} id={anchorOf(c.anchor)} className="scroll-mt-4 rounded-md border p-3 target:ring-2 target:ring-ring">
          <h2 className="mb-2 text-sm font-medium text-muted-foreground">{c.headingPath}</h2>
          <pre className="whitespace-pre-wrap font-sans text-sm">{c.content}</pre>
        </section>
      ))}
    </div>
  );
}
