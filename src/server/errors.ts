import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ApiIssue {
  code: string;
  /** Field path in the request body, dot-separated, when the issue is about one field. */
  path?: string;
}

/**
 * Every API error has the same shape: a stable machine code the page
 * translates, and optional issues. Never echo what the client sent.
 */
export function apiError(c: Context, status: ContentfulStatusCode, code: string, extra: Record<string, unknown> = {}) {
  c.header('Cache-Control', 'no-store');
  return c.json({ error: code, ...extra }, status);
}

/** How long a device waits before trying again while the database is away. */
export const DB_RETRY_AFTER_SECONDS = 30;
