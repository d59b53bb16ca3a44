import type { DraftRecord } from '../storage/types';
import { normalizeForm } from './form-model';
import { requesterName } from './display';

/** A row of the drafts list: the record and what the row shows of it. */
export interface DraftItem {
  record: DraftRecord;
  name: string;
  forms: string;
}

export function toDraftItem(record: DraftRecord, locale: string): DraftItem {
  const form = normalizeForm(record.data);
  const name = requesterName(form.person, locale);
  const forms = form.case.formTypes.map((x) => x.trim()).filter(Boolean).join(', ');
  return { record, name, forms };
}

/**
 * The list after change notices: each named draft as just read (`found[i]`
 * for `ids[i]`), gone where nothing was found or `keep` refuses it; the
 * rest untouched. Most recently saved first, as listDrafts gives them.
 */
export function mergeDraftItems(
  items: readonly DraftItem[],
  ids: readonly string[],
  found: readonly (DraftRecord | undefined)[],
  toItem: (record: DraftRecord) => DraftItem,
  keep: (record: DraftRecord) => boolean,
): DraftItem[] {
  const named = new Set(ids);
  const next = items.filter((item) => !named.has(item.record.id));
  for (const record of found) if (record && keep(record)) next.push(toItem(record));
  return next.sort((a, b) => b.record.updatedAt - a.record.updatedAt);
}
