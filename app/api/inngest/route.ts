import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";

// The functions' steps use the database: Node.js runtime.
export const runtime = "nodejs";

// Inngest calls this endpoint to run the functions' steps (when Inngest is configured).
export const { GET, POST, PUT } = serve({ client: inngest, functions });
