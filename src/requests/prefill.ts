/**
 * Answers the screener passes to a new request. The screener writes its
 * ScreenerPrefill to sessionStorage (never the URL) and goes to
 * /requests/new; the new draft takes it once and the key is deleted.
 */
import type { ScreenerPrefill } from '../screener/prefill';
import { SCREENER_PREFILL_KEY, toRequestChannels, toRequestProblemKinds } from '../screener/to-request';
import { emptyForm, type PriorAttemptForm, type RequestForm } from './form-model';
import { tabStore } from '../storage/web-storage';
import { readScreenerBlock } from '../shared/screener-answers';
import { LOCALES } from '../i18n/locales';

// The screener's words become the form's in one place: src/screener/to-request.ts.
export const PREFILL_KEY = SCREENER_PREFILL_KEY;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and deletes the screener's hand-over. Anything unreadable is dropped. */
export function takeScreenerPrefill(storage: Pick<Storage, 'getItem' | 'removeItem'> | undefined = tabStore()): ScreenerPrefill | null {
  if (!storage) return null;
  let raw: string | null = null;
  try {
    raw = storage.getItem(PREFILL_KEY);
    storage.removeItem(PREFILL_KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isRecord(value) ? (value as unknown as ScreenerPrefill) : null;
  } catch {
    return null;
  }
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * A new form with what the screener already knows; every value checked,
 * since it crossed a storage boundary. The preferred language starts as
 * the app's: most people use the app in the language they want to be
 * answered in, and can change it.
 */
export function formFromPrefill(prefill: ScreenerPrefill | null, appLocale?: string): RequestForm {
  const form = emptyForm();
  if (appLocale && LOCALES.some((l) => l.code === appLocale)) form.person.preferredLanguage = appLocale;
  if (!prefill) return form;
  for (const mapped of toRequestProblemKinds(prefill.problemKinds)) {
    if (!form.case.problemKinds.includes(mapped)) form.case.problemKinds.push(mapped);
  }
  if (typeof prefill.formType === 'string' && prefill.formType.length <= 20) form.case.formTypes = [prefill.formType];
  // Each date to its own field: the day USCIS received the case is not the day it was sent.
  if (isDate(prefill.receivedDate)) form.case.dateReceived = prefill.receivedDate;
  if (isDate(prefill.filedDate)) form.case.dateFiled = prefill.filedDate;
  const channels = toRequestChannels(prefill.priorContacts);
  // One known date fits only when there was one way of contact.
  const lastDate = channels.length === 1 && isDate(prefill.lastContactDate) ? prefill.lastContactDate : '';
  form.case.priorAttempts = channels.map((channel): PriorAttemptForm => ({ channel, date: lastDate, serviceRequestNumber: '' }));
  const processing = isRecord(prefill.processing) ? prefill.processing : undefined;
  const block = readScreenerBlock(prefill.block);
  form.screener = {
    urgent: prefill.urgent === true,
    ...(processing && typeof processing.outside === 'boolean' ? { outsideProcessingTime: processing.outside } : {}),
    ...(processing && typeof processing.months === 'number' ? { processingMonths: processing.months } : {}),
    ...(block ? { block } : {}),
  };
  return form;
}
