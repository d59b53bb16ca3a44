/**
 * Validation results as the contract speaks them: a stable error code and
 * the dot-separated field path, for the form, the outbox and the server's
 * 422 alike. Re-exported by request-schema.ts, the contract's one entry point.
 */
import * as v from 'valibot';
import { type ErrorCode, ERROR_CODES } from './field-codes';
import type { Issue } from './schema-blocks';

/** One problem: a stable code and the dot-separated field path ('' for the whole request). */
export interface RequestIssue {
  code: ErrorCode;
  path: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: RequestIssue[] };

const CODE_SET = new Set<string>(ERROR_CODES);

function isErrorCode(message: string): message is ErrorCode {
  return CODE_SET.has(message);
}

/** valibot issues → {code, path}, in order, without repeats. */
export function toRequestIssues(issues: readonly Issue[]): RequestIssue[] {
  const out: RequestIssue[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    // Anything not ours (a valibot default) is a wrong shape: "type".
    const code: ErrorCode = isErrorCode(issue.message) ? issue.message : 'type';
    const items = issue.path ?? [];
    // An unknown key is the client's own text (possibly markup): report it at its parent, never echo it.
    const known = code === 'unknown_field' ? items.slice(0, -1) : items;
    const path = known.map((item) => String(item.key)).join('.');
    const key = `${code} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code, path });
  }
  return out;
}

/** Runs any schema and answers codes and paths. */
export function validateWith<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
): ValidationResult<v.InferOutput<TSchema>> {
  const result = v.safeParse(schema, input, { abortEarly: false });
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, issues: toRequestIssues(result.issues) };
}

/** Issues grouped by field path, for showing each message beside its field. */
export function issuesByPath(issues: readonly RequestIssue[]): Record<string, ErrorCode[]> {
  const byPath: Record<string, ErrorCode[]> = {};
  for (const issue of issues) (byPath[issue.path] ??= []).push(issue.code);
  return byPath;
}

/** Issues at or below a path prefix ('person', 'case.priorAttempts.0'): one form step's share. */
export function issuesUnder(issues: readonly RequestIssue[], prefix: string): RequestIssue[] {
  return issues.filter((issue) => issue.path === prefix || issue.path.startsWith(`${prefix}.`));
}
