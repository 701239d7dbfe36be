import { z } from "zod";

/** Request bodies of the incident API, validated with messages that name the field. */

const actor = z
  .string({ message: "actor is required: who is acting (name or email)" })
  .trim()
  .min(1, "actor must not be empty")
  .max(200, "actor must be at most 200 characters");

export const incidentActionBodySchema = z
  .object({
    action: z.enum(["acknowledge", "resolve", "reopen", "comment"], {
      message: "action must be one of acknowledge, resolve, reopen, comment",
    }),
    actor,
    message: z.string().trim().max(10_000, "message must be at most 10000 characters").optional(),
  })
  .refine((b) => b.action !== "comment" || (b.message && b.message.length > 0), {
    message: "a comment needs a non-empty message",
    path: ["message"],
  });
export type IncidentActionBody = z.infer<typeof incidentActionBodySchema>;

export const moveAlertBodySchema = z.object({
  incidentId: z.union([z.literal("new"), z.uuid({ message: 'incidentId must be an incident id (uuid) or "new"' })], {
    message: 'incidentId must be an incident id (uuid) or "new"',
  }),
  actor,
});
export type MoveAlertBody = z.infer<typeof moveAlertBodySchema>;

/** An incident by uuid or by its human number ("INC-42" or "42"), as the incident routes accept in the path. */
const incidentRef = z
  .string({ message: "into is required: the incident to merge into (id or INC-number)" })
  .trim()
  .regex(/^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?:inc-)?\d{1,9})$/i, "into must be an incident id (uuid) or number (INC-42)");

export const mergeIncidentBodySchema = z.object({ into: incidentRef, actor });
export type MergeIncidentBody = z.infer<typeof mergeIncidentBodySchema>;

export const uuidParam = z.uuid({ message: "must be a uuid" });
