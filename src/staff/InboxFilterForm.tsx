import { useEffect, useState } from 'preact/hooks';
import { LOCALES } from '../i18n/locales';
import { dateRangeError } from './inbox-filters';
import { STATE_LABEL, englishLanguage } from './text';
import type { InboxFilters } from './types';
import { REVIEW_STATES as STATES, type ReviewState } from '../shared/review';

/** The inbox's filters, applied together with one button so the list does not jump while typing. */
export function InboxFilterForm(props: { filters: InboxFilters; onApply: (f: InboxFilters) => void }) {
  const [draft, setDraft] = useState<InboxFilters>(props.filters);
  const [error, setError] = useState('');
  useEffect(() => setDraft(props.filters), [JSON.stringify(props.filters)]);
  const set = (patch: Partial<InboxFilters>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <form
      class="staff-filters"
      aria-labelledby="filters-title"
      onSubmit={(e) => {
        e.preventDefault();
        const problem = dateRangeError(draft);
        setError(problem ?? '');
        if (problem) {
          document.getElementById('filter-to')?.focus();
          return;
        }
        props.onApply(draft);
      }}
    >
      <h2 id="filters-title">Filters</h2>
      <div class="staff-filters__grid">
        <div class="staff-field">
          <label for="filter-state">State</label>
          <select id="filter-state" value={draft.state ?? ''} onChange={(e) => set({ state: e.currentTarget.value as ReviewState | '' })}>
            <option value="">Any state</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="staff-field">
          <label for="filter-from">Received from</label>
          <input id="filter-from" type="date" value={draft.from} onInput={(e) => set({ from: e.currentTarget.value })} />
        </div>
        <div class={`staff-field${error ? ' staff-field--error' : ''}`}>
          <label for="filter-to">Received to</label>
          {error && (
            <p id="filter-to-error" class="staff-error">
              {error}
            </p>
          )}
          <input
            id="filter-to"
            type="date"
            value={draft.to}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'filter-to-error' : undefined}
            onInput={(e) => set({ to: e.currentTarget.value })}
          />
        </div>
        <div class="staff-field">
          <label for="filter-form">Form type</label>
          <input id="filter-form" value={draft.form} placeholder="I-485" onInput={(e) => set({ form: e.currentTarget.value })} />
        </div>
        <div class="staff-field">
          <label for="filter-lang">Language used</label>
          <select id="filter-lang" value={draft.lang ?? ''} onChange={(e) => set({ lang: e.currentTarget.value })}>
            <option value="">Any language</option>
            {LOCALES.map((l) => (
              <option key={l.code} value={l.code}>
                {englishLanguage(l.code)}
              </option>
            ))}
          </select>
        </div>
        <div class="staff-field">
          <label for="filter-event">Event id</label>
          <input id="filter-event" value={draft.event} onInput={(e) => set({ event: e.currentTarget.value })} />
        </div>
        <div class="staff-check">
          <input id="filter-urgent" type="checkbox" checked={draft.urgent} onChange={(e) => set({ urgent: e.currentTarget.checked })} />
          <label for="filter-urgent">Urgent only</label>
        </div>
        <div class="staff-check">
          <input
            id="filter-assigned"
            type="checkbox"
            checked={draft.assigned === 'me'}
            onChange={(e) => set({ assigned: e.currentTarget.checked ? 'me' : '' })}
          />
          <label for="filter-assigned">Assigned to me</label>
        </div>
      </div>
      <div class="staff-row">
        <button type="submit" class="staff-button">
          Apply filters
        </button>
        <a class="staff-button staff-button--quiet" href="/staff">
          Clear filters
        </a>
      </div>
    </form>
  );
}
