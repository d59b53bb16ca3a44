/**
 * The one mapping from the screener's words to the request form's
 * (Form DHS-7001 wire schema): problem kinds and ways USCIS was tried, and
 * the sessionStorage key the hand-over travels under. Pure, apart from the
 * storage the caller passes in.
 */
import type { PriorContactKind, ScreenerPrefill, ScreenerProblemKind } from './prefill';
import type { PriorAttemptChannel, ProblemKind } from '../shared/request-schema';

/** sessionStorage (never the URL): written on "Start a request", read once and deleted by the new request. */
export const SCREENER_PREFILL_KEY = 'ombuds.screenerPrefill';

export const REQUEST_PROBLEM_KIND: Readonly<Record<ScreenerProblemKind, ProblemKind>> = {
  emergency: 'emergency',
  'processing-delay': 'past-processing-time',
  'processing-mistake': 'processing-mistake',
  // A mistake the person can point to in a decision is a mistake in processing.
  'decision-error': 'processing-mistake',
  // No receipt notice is a case stuck at intake: a problem USCIS did not solve.
  'receipt-delay': 'other-unresolved',
  'other-unresolved': 'other-unresolved',
};

export const REQUEST_CHANNEL: Readonly<Record<PriorContactKind, PriorAttemptChannel>> = {
  'contact-center': 'contact_center',
  'service-request': 'e_request',
  appointment: 'field_office',
  // Case status is read in the person's USCIS online tools.
  'case-status': 'online_account',
};

function mapKnown<K extends string, V>(values: unknown, table: Readonly<Record<K, V>>): V[] {
  const out: V[] = [];
  if (!Array.isArray(values)) return out;
  for (const value of values) {
    if (typeof value !== 'string' || !Object.prototype.hasOwnProperty.call(table, value)) continue;
    const mapped = table[value as K];
    if (!out.includes(mapped)) out.push(mapped);
  }
  return out;
}

/** The request's problem kinds, in the screener's order, without repeats; unknown values (from storage) are dropped. */
export function toRequestProblemKinds(kinds: unknown): ProblemKind[] {
  return mapKnown(kinds, REQUEST_PROBLEM_KIND);
}

/** The request's prior-attempt channels, without repeats; unknown values are dropped. */
export function toRequestChannels(contacts: unknown): PriorAttemptChannel[] {
  return mapKnown(contacts, REQUEST_CHANNEL);
}

/** Hands the prefill to the request form. False when the browser refuses storage (the form then starts empty). */
export function storePrefill(storage: Pick<Storage, 'setItem'> | undefined, prefill: ScreenerPrefill): boolean {
  if (!storage) return false;
  try {
    storage.setItem(SCREENER_PREFILL_KEY, JSON.stringify(prefill));
    return true;
  } catch {
    return false;
  }
}

export function clearPrefill(storage: Pick<Storage, 'removeItem'> | undefined): void {
  try {
    storage?.removeItem(SCREENER_PREFILL_KEY);
  } catch {
    // Nothing could have been stored either.
  }
}
