import { z } from "zod";

/** The pipeline's events, with the schema of their data (validated when sent and when received). */
export const events = {
  "alert/received": z.object({ alertIds: z.array(z.string().uuid()).min(1) }),
  "incident/updated": z.object({
    incidentId: z.string().uuid(),
    /** What changed: opened, alert_added, escalated, resolved, reopened, status_changed... */
    reason: z.string(),
  }),
} as const;

export type EventName = keyof typeof events;
export type EventData<N extends EventName> = z.infer<(typeof events)[N]>;
