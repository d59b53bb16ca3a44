/**
 * The inbox filters as they sit in the page's address (so Back returns to
 * the same list), except the search text: what is searched is a person's
 * A-number or name and never goes into an address the browser keeps.
 */
import type { InboxFilters } from './types';
import { REVIEW_STATES as STATES, type ReviewState } from '../shared/review';
import { isIsoDate } from './validate';

const isState = (v: string | undefined): v is ReviewState => (STATES as readonly (string | undefined)[]).includes(v);

export function filtersFromQuery(query: Record<string, string>): InboxFilters {
  return {
    state: isState(query.state) ? query.state : '',
    from: query.from && isIsoDate(query.from) ? query.from : '',
    to: query.to && isIsoDate(query.to) ? query.to : '',
    form: query.form ?? '',
    urgent: query.urgent === '1',
    lang: query.lang ?? '',
    assigned: query.assigned === 'me' ? 'me' : '',
    event: query.event ?? '',
  };
}

export function filtersToQuery(f: InboxFilters): string {
  const q = new URLSearchParams();
  if (f.state) q.set('state', f.state);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.form?.trim()) q.set('form', f.form.trim().toUpperCase());
  if (f.urgent) q.set('urgent', '1');
  if (f.lang) q.set('lang', f.lang);
  if (f.assigned) q.set('assigned', f.assigned);
  if (f.event?.trim()) q.set('event', f.event.trim());
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** A date range the server would refuse, said before asking it. */
export function dateRangeError(f: InboxFilters): string | undefined {
  if (f.from && f.to && f.from > f.to) return 'The “to” date must be on or after the “from” date.';
  return undefined;
}
