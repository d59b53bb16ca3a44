/**
 * Building blocks of the request schema (request-schema.ts): every message
 * an error code from fields.ts, cross-field rules that report at a path.
 */
import * as v from 'valibot';
import {
  type ErrorCode,
  type FieldResult,
  type IsoDate,
  checkPastDate,
  checkText,
} from './fields';


export type Issue = v.BaseIssue<unknown>;

/** A missing value is "required"; a value of the wrong type is "type". */
export const typeMessage = (issue: Issue): ErrorCode =>
  issue.input === undefined || issue.input === null ? 'required' : 'type';

/** Objects: a missing key is "required", an extra key "unknown_field". */
const objectMessage = (issue: Issue): ErrorCode => {
  if (issue.expected === 'never') return 'unknown_field';
  return typeMessage(issue);
};

/** Choice lists: missing is "required", anything else "invalid_option". */
export const optionMessage = (issue: Issue): ErrorCode =>
  issue.input === undefined || issue.input === null ? 'required' : 'invalid_option';

/** Variants report a bad discriminator with a path, a non-object without. */
export const variantMessage = (issue: Issue): ErrorCode => (issue.path ? optionMessage(issue) : typeMessage(issue));

export function strict<const TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.strictObject(entries, objectMessage);
}

/** A required string run through a fields.ts rule, which may normalize it. */
export function field(rule: (input: string) => FieldResult) {
  return v.pipe(
    v.string(typeMessage),
    v.rawTransform<string, string>(({ dataset, addIssue, NEVER }) => {
      const result = rule(dataset.value);
      if (result.ok) return result.value;
      addIssue({ message: result.code });
      return NEVER;
    }),
  );
}

/** An optional string: absent or blank becomes undefined, anything else must pass the rule. */
export function optionalField(rule: (input: string) => FieldResult) {
  return v.optional(
    v.pipe(
      v.string(typeMessage),
      v.rawTransform<string, string | undefined>(({ dataset, addIssue, NEVER }) => {
        if (dataset.value.trim() === '') return undefined;
        const result = rule(dataset.value);
        if (result.ok) return result.value;
        addIssue({ message: result.code });
        return NEVER;
      }),
    ),
  );
}

export function requiredText(max: number, multiline = false) {
  return field((input) => {
    const result = checkText(input, max, multiline);
    return result.ok && result.value === '' ? { ok: false, code: 'required' } : result;
  });
}

export function optionalText(max: number, multiline = false) {
  return optionalField((input) => checkText(input, max, multiline));
}

export function pastDate(today: IsoDate) {
  return field((input) => checkPastDate(input, today));
}

/** A date where blank means "not known". */
export function optionalPastDate(today: IsoDate) {
  return optionalField((input) => checkPastDate(input, today));
}

export type PathKey = string | number;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Issue path items for `keys` below `root`, as valibot's own schemas make them. */
function pathItems(root: unknown, keys: readonly PathKey[]): [v.IssuePathItem, ...v.IssuePathItem[]] {
  const items: v.IssuePathItem[] = [];
  let node: unknown = root;
  for (const key of keys) {
    const value: unknown = Array.isArray(node) ? node[key as number] : isRecord(node) ? node[key] : undefined;
    if (typeof key === 'number') {
      items.push({ type: 'array', origin: 'value', input: Array.isArray(node) ? node : [], key, value });
    } else {
      items.push({ type: 'object', origin: 'value', input: isRecord(node) ? node : {}, key, value });
    }
    node = value;
  }
  return items as [v.IssuePathItem, ...v.IssuePathItem[]];
}

/** True when an earlier schema already flagged something at or below `keys`. */
export function hasIssueAt(issues: readonly Issue[] | undefined, keys: readonly PathKey[]): boolean {
  return (issues ?? []).some((issue) => {
    const path = issue.path ?? [];
    return keys.every((key, i) => path[i]?.key === key);
  });
}

export function valueAt(root: unknown, keys: readonly PathKey[]): unknown {
  let node = root;
  for (const key of keys) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isRecord(node) && typeof key === 'string') node = node[key];
    else return undefined;
  }
  return node;
}

/**
 * Cross-field rules as (root, issues) → problems. They run even when other
 * fields are wrong, so a person sees every problem at once, but never on a
 * field that already has its own issue.
 */
type CrossRule = (root: unknown, issues: readonly Issue[] | undefined) => { code: ErrorCode; at: PathKey[] }[];

export function crossCheck<TInput>(rule: CrossRule) {
  return v.rawCheck<TInput>(({ dataset, addIssue }) => {
    const root: unknown = dataset.value;
    for (const problem of rule(root, dataset.issues)) {
      if (problem.at.length === 0) addIssue({ message: problem.code });
      else addIssue({ message: problem.code, path: pathItems(root, problem.at) });
    }
  });
}

/** A list with a length bound whose entries must differ (compared after normalization). */
export function uniqueList<TItem extends v.GenericSchema>(item: TItem, max: number, min = 0) {
  return v.pipe(
    v.array(item, typeMessage),
    v.minLength(min, 'required'),
    v.maxLength(max, 'too_many'),
    crossCheck<v.InferOutput<TItem>[]>((root, issues) => {
      if (!Array.isArray(root)) return [];
      const seen = new Set<unknown>();
      const problems: { code: ErrorCode; at: PathKey[] }[] = [];
      root.forEach((value, index) => {
        if (hasIssueAt(issues, [index])) return;
        if (seen.has(value)) problems.push({ code: 'duplicate', at: [index] });
        seen.add(value);
      });
      return problems;
    }),
  );
}
