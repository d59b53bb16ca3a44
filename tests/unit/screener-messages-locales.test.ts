/**
 * Every screener text (questions, options, outcomes, reasons, steps,
 * referrals, errors and the view's own words) exists in every locale that
 * has a messages.json, so each result reads in the person's language, with
 * the same placeholders as English. Checks whatever locale folders exist,
 * so it tightens by itself as translations land.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { SCREENER_RULES, VIEW_MESSAGE_IDS, errorMessageId, outcomeKindMessageId, reasonMessageId } from '../../src/screener/rules';
import { REASON_CODES, VALIDATION_ERRORS, type ConditionalText, type Rules } from '../../src/screener/types';

const LOCALES_DIR = new URL('../../locales/', import.meta.url);
const read = (code: string) => JSON.parse(readFileSync(new URL(`${code}/messages.json`, LOCALES_DIR), 'utf8')) as Record<string, string>;

const en = read('en');
const locales = readdirSync(LOCALES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'en' && existsSync(new URL(`${d.name}/messages.json`, LOCALES_DIR)))
  .map((d) => d.name)
  .sort();

/** The ids the rules name: questions and options, outcomes, reasons, referrals, errors. */
function ruleMessageIds(rules: Rules): string[] {
  const ids = new Set<string>();
  const add = (id: string | undefined) => void (id && ids.add(id));
  const addTexts = (list?: readonly ConditionalText[]) => list?.forEach((x) => add(typeof x === 'string' ? x : x.text));
  for (const q of Object.values(rules.questions)) {
    add(q.title);
    add(q.help);
    if (q.kind === 'single' || q.kind === 'multi') {
      for (const o of q.options) {
        add(o.label);
        add(o.help);
      }
    }
    if (q.kind === 'date') add(q.unknownLabel);
    if (q.kind === 'processing-time') Object.values(q.labels).forEach(add);
  }
  for (const o of Object.values(rules.outcomes)) {
    add(o.title);
    add(o.summary);
    addTexts(o.nextSteps);
    addTexts(o.checklist);
    o.notices?.forEach(add);
    add(o.comeBack?.message);
  }
  for (const r of Object.values(rules.referrals)) {
    add(r.name);
    add(r.description);
  }
  REASON_CODES.forEach((c) => add(reasonMessageId(c)));
  VALIDATION_ERRORS.forEach((c) => add(errorMessageId(c)));
  (['may-help', 'first-try-uscis', 'cannot-help', 'go-elsewhere'] as const).forEach((k) => add(outcomeKindMessageId(k)));
  VIEW_MESSAGE_IDS.forEach(add);
  return [...ids];
}

/** Every screener id: the rules' and the view's own (all English `screener.` keys). */
const ALL_IDS = [...new Set([...ruleMessageIds(SCREENER_RULES), ...Object.keys(en).filter((k) => k.startsWith('screener.'))])].sort();

function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if ('value' in el && typeof el.value === 'string') out.add(el.value);
    if ('options' in el) for (const option of Object.values(el.options)) argumentsOf(option.value, out);
    if ('children' in el) argumentsOf(el.children, out);
  }
  return out;
}
const args = (text: string) => [...argumentsOf(parse(text, { requiresOtherClause: true }))].sort();

describe('screener texts in every locale', () => {
  it('has every id in English (the source)', () => {
    expect(ALL_IDS.filter((id) => !(id in en))).toEqual([]);
  });

  it.each(locales)('%s has every screener text, with the English placeholders', (code) => {
    const messages = read(code);
    const missing = ALL_IDS.filter((id) => typeof messages[id] !== 'string' || messages[id].trim() === '');
    expect(missing, `${code}: ${missing.length} of ${ALL_IDS.length} screener texts missing`).toEqual([]);
    const drifted = ALL_IDS.filter((id) => args(messages[id]!).join() !== args(en[id]!).join());
    expect(drifted, `${code}: placeholders differ from English`).toEqual([]);
  });
});
