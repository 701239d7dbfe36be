import { NextResponse } from "next/server";
import { z } from "zod";

/**
 * Typed API errors that render themselves: every error response is JSON
 * `{ error: { code, message, details? } }` with the right status, so clients can branch on `code`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toResponse(): NextResponse {
    const body = { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
    return NextResponse.json(body, { status: this.status, headers: this.headers });
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError(400, "bad_request", message, details);
export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found`);
export const conflict = (message: string) => new ApiError(409, "conflict", message);

/** Validates `input` with `schema`, throwing a 400 that names each bad field. */
export function parseOr400<T extends z.ZodType>(schema: T, input: unknown, what = "request body"): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message }));
    throw new ApiError(400, "validation_failed", `Invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues);
  }
  return result.data;
}

/** Reads a JSON request body, answering 400 for malformed JSON. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, "invalid_json", `Request body is not valid JSON: ${(error as Error).message}`);
  }
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: ApiErrors render as their JSON response; anything else is logged and answered
 * with a 500 that reveals nothing internal.
 */
export function apiHandler<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof ApiError) return error.toResponse();
      console.error(JSON.stringify({ level: "error", msg: "unhandled route error", path: new URL(request.url).pathname, error: String(error) }));
      return new ApiError(500, "internal_error", "Internal server error").toResponse();
    }
  };
}
