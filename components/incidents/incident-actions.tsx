"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";

type Action = "acknowledge" | "resolve" | "reopen" | "comment";

/** Status changes and comments through POST /api/incidents/[id]/actions; the page re-renders after each. */
export function IncidentActions({ incidentId, status }: { incidentId: string; status: string }) {
  const router = useRouter();
  const [actor, setActor] = useState(() => (typeof window === "undefined" ? "" : localStorage.getItem("opsrelay.actor") ?? ""));
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  async function act(action: Action) {
    setError(null);
    const name = actor.trim() || "on-call";
    localStorage.setItem("opsrelay.actor", name);
    const response = await fetch(`/api/incidents/${incidentId}/actions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action, actor: name, ...(action === "comment" ? { message: comment } : {}) }),
    });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      setError(body?.error?.message ?? `Request failed (${response.status})`);
      return;
    }
    if (action === "comment") setComment("");
    startTransition(() => router.refresh());
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <Input value={actor} onChange={(e) => {
            setActor(e.target.value);
            // Kept as typed: the merge control next to these buttons acts under the same name.
            localStorage.setItem("opsrelay.actor", e.target.value.trim());
          }} placeholder="your name" className="w-40" aria-label="Your name" />
        {status === "open" && (
          <Button onClick={() => act("acknowledge")} disabled={pending}>
            Acknowledge
          </Button>
        )}
        {status !== "resolved" ? (
          <Button variant="outline" onClick={() => act("resolve")} disabled={pending}>
            Resolve
          </Button>
        ) : (
          <Button variant="outline" onClick={() => act("reopen")} disabled={pending}>
            Reopen
          </Button>
        )}
      </div>
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (comment.trim()) void act("comment");
        }}
      >
        <Textarea value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Add a comment to the timeline" className="min-h-9" aria-label="Comment" />
        <Button type="submit" variant="secondary" disabled={pending || !comment.trim()}>
          Comment
        </Button>
      </form>
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
