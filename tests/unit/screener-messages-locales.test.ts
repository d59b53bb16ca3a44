/**
 * Every screener text (questions, options, outcomes, reasons, steps,
 * referrals, errors and the view's own words) exists in every locale that
 * has a messages.json, so each result reads in the person's language, with
 * the same placeholders as English. Checks whatever locale folders exist,
 * so it tightens by itself as translations land.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '@formatjs/icu-messageformat-parser';
import { SCREENER_RULES } from '../../src/screener/rules';
import { argumentsOf, screenerMessageIds } from './screener-messages';

const LOCALES_DIR = new URL('../../locales/', import.meta.url);
const read = (code: string) => JSON.parse(readFileSync(new URL(`${code}/messages.json`, LOCALES_DIR), 'utf8')) as Record<string, string>;

const en = read('en');
const locales = readdirSync(LOCALES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'en' && existsSync(new URL(`${d.name}/messages.json`, LOCALES_DIR)))
  .map((d) => d.name)
  .sort();

/** Every screener id: the rules' and the view's own (all English `screener.` keys). */
const ALL_IDS = [...new Set([...screenerMessageIds(SCREENER_RULES), ...Object.keys(en).filter((k) => k.startsWith('screener.'))])].sort();

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
