import Link from "next/link";
import { ago } from "@/components/dashboard/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listRunbooks } from "@/lib/rag/documents";

export const dynamic = "force-dynamic";

export default async function RunbooksPage() {
  const docs = await listRunbooks();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Runbooks</h1>
      <p className="text-sm text-muted-foreground">
        {docs.length} documents. Add a folder with <code>npm run runbooks:ingest -- &lt;dir&gt;</code> or POST /api/runbooks.
      </p>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Title</TableHead>
            <TableHead>Path</TableHead>
            <TableHead>Service</TableHead>
            <TableHead>Team</TableHead>
            <TableHead className="text-right">Chunks</TableHead>
            <TableHead>Updated</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {docs.map((d) => (
            <TableRow key={d.id}>
              <TableCell>
                <Link href={`/runbooks/${d.id}`} className="font-medium hover:underline">
                  {d.title}
                </Link>
              </TableCell>
              <TableCell className="text-xs text-muted-foreground">{d.sourcePath}</TableCell>
              <TableCell>{d.service ?? "—"}</TableCell>
              <TableCell>{d.team ?? "—"}</TableCell>
              <TableCell className="text-right tabular-nums">{d.chunkCount}</TableCell>
              <TableCell className="text-muted-foreground">{ago(d.updatedAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
