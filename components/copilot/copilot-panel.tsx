"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";

interface Citation {
  n: number;
  title: string;
  headingPath: string;
  href: string;
}

interface Answer {
  text: string;
  citations: Citation[];
  declined: boolean;
  provider?: string;
  model?: string;
  done: boolean;
  error?: string;
}

/**
 * Asks POST /api/copilot and renders the Server-Sent Events stream as it arrives: citations first
 * (meta), then the answer text (delta), then the final record (done).
 */
export function CopilotPanel({ incidentId, placeholder }: { incidentId?: string; placeholder?: string }) {
  const [question, setQuestion] = useState("");
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);

  async function ask(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setAnswer({ text: "", citations: [], declined: false, done: false });
    try {
      const response = await fetch("/api/copilot", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...(question.trim() ? { question } : {}), ...(incidentId ? { incidentId } : {}) }),
      });
      if (!response.ok || !response.body) {
        const body = await response.json().catch(() => null);
        setAnswer({ text: "", citations: [], declined: false, done: true, error: body?.error?.message ?? `Request failed (${response.status})` });
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = frame.split("\n").find((l) => l.startsWith("data: "));
          if (!data) continue;
          const ev = JSON.parse(data.slice(6));
          setAnswer((a) => {
            const cur = a ?? { text: "", citations: [], declined: false, done: false };
            if (ev.type === "meta") return { ...cur, citations: ev.citations, declined: ev.declined, provider: ev.provider, model: ev.model };
            if (ev.type === "delta") return { ...cur, text: cur.text + ev.text };
            if (ev.type === "done") return { ...cur, text: ev.answer, citations: ev.citations, declined: ev.declined, provider: ev.provider, model: ev.model, done: true };
            if (ev.type === "error") return { ...cur, done: true, error: ev.message };
            return cur;
          });
        }
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      <form onSubmit={ask} className="space-y-2">
        <Textarea
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          placeholder={placeholder ?? "Ask the runbooks, e.g. “db behind route planning is read only??”"}
          aria-label="Question"
        />
        <Button type="submit" disabled={busy || (!question.trim() && !incidentId)}>
          {busy ? "Asking…" : "Ask"}
        </Button>
      </form>
      {answer && (
        <div className="space-y-3 rounded-md border bg-muted/30 p-3" data-testid="copilot-answer">
          {answer.error && <p className="text-sm text-destructive">{answer.error}</p>}
          <div className="whitespace-pre-wrap text-sm">{answer.text}</div>
          {answer.citations.length > 0 && (
            <ol className="space-y-1 text-sm" aria-label="Citations">
              {answer.citations.map((c) => (
                <li key={c.n}>
                  [{c.n}]{" "}
                  <a href={c.href} className="text-primary hover:underline" target={c.href.startsWith("http") ? "_blank" : undefined} rel="noreferrer">
                    {c.headingPath || c.title}
                  </a>
                </li>
              ))}
            </ol>
          )}
          {answer.done && answer.provider && (
            <p className="text-xs text-muted-foreground">
              answered by {answer.provider} · {answer.model}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
