import { Inngest } from "inngest";

/** The app's Inngest client. The SDK reads INNGEST_DEV / INNGEST_EVENT_KEY / INNGEST_BASE_URL itself. */
export const inngest = new Inngest({ id: "opsrelay" });
