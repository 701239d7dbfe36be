import { CopilotPanel } from "@/components/copilot/copilot-panel";

export default function CopilotPage() {
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">Copilot</h1>
      <p className="text-sm text-muted-foreground">Answers come only from your runbooks, with numbered citations; when they don’t cover a question, it says so.</p>
      <CopilotPanel />
    </div>
  );
}
