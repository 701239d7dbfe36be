import { describe, expect, it } from "vitest";
import { approxTokens, chunkDocument } from "@/lib/rag/chunk";
import { splitFrontMatter } from "@/lib/rag/front-matter";

const FM_DOC = `---
title: "Payments DB failover"
service: payments-db
team: payments
tags: [postgres, failover]
url: https://wiki.parcelwise.example/runbooks/payments-db-failover
---
# Ignored H1 because front matter names the title

Intro paragraph.

## Detect

Replica lag above 30s.

### Confirm

Run the check.

## Promote

1. Stop writes.
2. Promote the replica:

   \`\`\`bash
   pg_ctl promote -D /var/lib/postgresql/15/main
   \`\`\`

3. Repoint the service.
`;

describe("front matter", () => {
  it("reads scalars, inline lists and dash lists", () => {
    const { frontMatter, body } = splitFrontMatter("---\ntitle: A\ntags:\n  - x\n  - y\nowners: [a, 'b']\n---\nbody\n");
    expect(frontMatter).toEqual({ title: "A", tags: ["x", "y"], owners: ["a", "b"] });
    expect(body).toBe("body\n");
  });

  it("leaves a document without front matter untouched", () => {
    expect(splitFrontMatter("# T\n---\nx").frontMatter).toEqual({});
  });
});

describe("chunkDocument", () => {
  it("uses front matter metadata and keeps nested heading paths", () => {
    const doc = chunkDocument("payments/payments-db-failover.md", FM_DOC);
    expect(doc).toMatchObject({ title: "Payments DB failover", service: "payments-db", team: "payments", tags: ["postgres", "failover"] });
    expect(doc.url).toBe("https://wiki.parcelwise.example/runbooks/payments-db-failover");
    expect(doc.chunks.map((c) => c.headingPath)).toEqual([
      "Payments DB failover",
      "Payments DB failover › Detect",
      "Payments DB failover › Detect › Confirm",
      "Payments DB failover › Promote",
    ]);
    expect(doc.chunks[3].anchor).toBe("promote");
    // The numbered list with its nested code block stays in one piece.
    expect(doc.chunks[3].content).toContain("1. Stop writes.");
    expect(doc.chunks[3].content).toContain("pg_ctl promote");
    expect(doc.chunks[3].content).toContain("3. Repoint the service.");
  });

  it("takes the title from the first H1, then the file name", () => {
    expect(chunkDocument("a.md", "# Kafka backlog\n\ntext").title).toBe("Kafka backlog");
    expect(chunkDocument("dir/queue-backlog_notes.md", "## Only a section\n\ntext").title).toBe("Queue backlog notes");
  });

  it("never cuts a long code block or a table, even when they exceed the chunk size", () => {
    const code = "```sql\n" + Array.from({ length: 120 }, (_, i) => `SELECT ${i} FROM pg_stat_activity;`).join("\n") + "\n```";
    const table = "| code | meaning |\n|---|---|\n" + Array.from({ length: 60 }, (_, i) => `| E-X-${i} | meaning number ${i} |`).join("\n");
    const doc = chunkDocument("big.md", `# Big\n\n## Queries\n\nBefore.\n\n${code}\n\nAfter.\n\n## Codes\n\n${table}\n`, {
      maxTokens: 100,
      overlapTokens: 20,
    });
    const withCode = doc.chunks.filter((c) => c.content.includes("```"));
    expect(withCode).toHaveLength(1);
    expect(withCode[0].content.match(/```/g)).toHaveLength(2);
    expect(withCode[0].content).toContain("SELECT 119");
    const withTable = doc.chunks.filter((c) => c.content.includes("| E-X-"));
    expect(withTable).toHaveLength(1);
    expect(withTable[0].content).toContain("| E-X-0 |");
    expect(withTable[0].content).toContain("| E-X-59 |");
    expect(withTable[0].headingPath).toBe("Big › Codes");
  });

  it("splits long prose sections within the bound, with overlap, keeping the heading path", () => {
    const para = (n: number) => `Paragraph ${n}. ` + "The consumer group rebalances when a broker restarts. ".repeat(6);
    const body = "# Long\n\n## Background\n\n" + Array.from({ length: 12 }, (_, i) => para(i)).join("\n\n");
    const doc = chunkDocument("long.md", body, { maxTokens: 150, overlapTokens: 80 });
    expect(doc.chunks.length).toBeGreaterThan(3);
    for (const c of doc.chunks) {
      expect(c.headingPath).toBe("Long › Background");
      expect(c.tokenCount).toBeLessThanOrEqual(150 + 80);
    }
    // Consecutive chunks share a paragraph (overlap).
    const firstOfSecond = doc.chunks[1].content.split("\n\n")[0];
    expect(doc.chunks[0].content).toContain(firstOfSecond);
  });

  it("chunks plain text by paragraphs with the first line as title", () => {
    const doc = chunkDocument("vpn.txt", "Warehouse VPN recovery\n\nStep one: check the tunnel.\n\nStep two: restart strongswan.");
    expect(doc.title).toBe("Warehouse VPN recovery");
    expect(doc.chunks[0].headingPath).toBe("Warehouse VPN recovery");
    expect(doc.chunks.map((c) => c.content).join("\n")).toContain("restart strongswan");
  });

  it("treats an unclosed code fence as running to the end instead of losing text", () => {
    const doc = chunkDocument("x.md", "# X\n\n## Run\n\n```\nkubectl get pods\n\n## not a heading inside code\n");
    expect(doc.chunks).toHaveLength(1);
    expect(doc.chunks[0].content).toContain("## not a heading inside code");
  });

  it("counts tokens roughly", () => {
    expect(approxTokens("")).toBe(0);
    expect(approxTokens("restart the pod now")).toBeGreaterThan(2);
  });
});
