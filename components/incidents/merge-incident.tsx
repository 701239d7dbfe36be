"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export interface MergeCandidate {
  number: number;
  title: string;
}

/**
 * "Merge into…": joins this incident (which grouping split off) into another through
 * POST /api/incidents/[id]/merge, then lands on the incident that now holds the alerts.
 * Free text takes any INC-number; the list offers the other live incidents.
 */
export function MergeIncident({ incidentId, candidates }: { incidentId: string; candidates: MergeCandidate[] }) {
  const router = useRouter();
  const [into, setInto] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  async function merge() {
    setError(null);
    // Same "who is acting" as the status buttons next to it.
    const actor = (localStorage.getItem("opsrelay.actor") ?? "").trim() || "on-call";
    const response = await fetch(`/api/incidents/${incidentId}/merge`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ into: into.trim(), actor }),
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      setError(body?.error?.message ?? `Request failed (${response.status})`);
      return;
    }
    startTransition(() => router.push(`/incidents/INC-${body.merge.targetNumber}`));
  }

  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (into.trim()) void merge();
      }}
    >
      <label htmlFor="merge-into" className="text-sm text-muted-foreground">
        Merge into
      </label>
      <Input
        id="merge-into"
        value={into}
        onChange={(e) => setInto(e.target.value)}
        placeholder="INC-42"
        list="merge-candidates"
        className="w-44"
        aria-label="Merge into incident"
      />
      <datalist id="merge-candidates">
        {candidates.map((c) => (
          <option key={c.number} value={`INC-${c.number}`}>
            {c.title}
          </option>
        ))}
      </datalist>
      <Button type="submit" variant="outline" disabled={pending || !into.trim()}>
        Merge
      </Button>
      {error && (
        <p role="alert" className="w-full text-sm text-destructive">
          {error}
        </p>
      )}
    </form>
  );
}
