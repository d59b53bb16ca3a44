import type { GenericSchema } from 'valibot';
import { makeCaseRequestSchema } from '../../shared/request-schema';

/**
 * CSV for spreadsheets: one row per request, nested fields as dotted
 * headers, every cell quoted, and a cell a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or CR) made text with a leading '.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const csvLine = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** UTF-8 byte order mark: spreadsheet programs read the file as UTF-8 only with it. */
export const BOM = '\uFEFF';

type Walkable = { type: string; entries?: Record<string, Walkable>; options?: Walkable[]; wrapped?: Walkable; pipe?: Walkable[] };

/** The schema under optional/nullable/pipe wrappers. */
function base(s: Walkable): Walkable {
  if (s.wrapped) return base(s.wrapped);
  if (s.type !== 'object' && s.type !== 'strict_object' && s.type !== 'variant' && s.pipe?.[0] && s.pipe[0] !== s) return base(s.pipe[0]);
  return s;
}

function pathsOf(schema: Walkable, prefix: string): string[] {
  const s = base(schema);
  if (s.entries) return Object.entries(s.entries).flatMap(([key, child]) => pathsOf(child, prefix ? `${prefix}.${key}` : key));
  if (s.type === 'variant' && s.options) return [...new Set(s.options.flatMap((o) => pathsOf(o, prefix)))];
  return [prefix];
}

/** Every field of the wire request, in the schema's order: the same columns for every row. */
export const REQUEST_PATHS: readonly string[] = pathsOf(makeCaseRequestSchema('2000-01-01') as GenericSchema as unknown as Walkable, '');

/** A value as one cell: lists of words joined with "; ", lists of records as JSON, true/false as yes/no. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.every((x) => typeof x !== 'object' || x === null) ? value.map(String).join('; ') : JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
