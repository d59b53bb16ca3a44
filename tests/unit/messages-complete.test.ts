/**
 * Every locale has every UI message English has, no stale extras, and the
 * same ICU arguments: a translation that renames `{count}` or turns a
 * plural into plain text would show raw braces or the wrong number.
 * Plural messages may use other plural categories (Arabic needs `few` and
 * `many`, Chinese only `other`), but exact cases such as `=0` and select
 * options must match English.
 */
import { describe, expect, it } from 'vitest';
import { messageSignature as signatureOf } from '../../scripts/locale-content';
import { LOCALES } from '../../src/i18n/locales';
import { existsSync, readdirSync, readFileSync } from './node-fs';

const LOCALES_DIR = new URL('../../locales/', import.meta.url);

function readMessages(locale: string): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`${locale}/messages.json`, LOCALES_DIR), 'utf8')) as Record<string, string>;
}

/** Everything wrong with one locale's catalog compared with English, one readable line each. */
export function catalogProblems(locale: string, english: Record<string, string>, local: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(english)) {
    if (!(key in local)) problems.push(`${locale}: missing "${key}"`);
  }
  for (const key of Object.keys(local)) {
    if (!(key in english)) problems.push(`${locale}: extra key "${key}" (not in English)`);
  }
  for (const [key, text] of Object.entries(local)) {
    const source = english[key];
    if (source === undefined) continue;
    if (typeof text !== 'string' || !text.trim()) {
      problems.push(`${locale}: "${key}" is empty`);
      continue;
    }
    let mine: string[];
    try {
      mine = signatureOf(text);
    } catch (err) {
      problems.push(`${locale}: "${key}" is not valid ICU: ${(err as Error).message}`);
      continue;
    }
    const theirs = signatureOf(source);
    if (mine.join('|') !== theirs.join('|')) {
      problems.push(`${locale}: "${key}" has arguments [${mine.join(', ')}], English has [${theirs.join(', ')}]`);
    }
  }
  return problems;
}

const english = readMessages('en');
const folders = readdirSync(LOCALES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('the checker itself', () => {
  it('passes a complete translation and lists what is wrong with a broken one', () => {
    const en = { a: 'Hi {name}', b: '{n, plural, =0 {none} one {# file} other {# files}}', c: '{k, select, x {X} other {O}}' };
    const good = { a: 'Hola {name}', b: '{n, plural, =0 {nada} other {# archivos}}', c: '{k, select, x {X} other {O}}' };
    expect(catalogProblems('xx', en, good)).toEqual([]);
    const bad = { a: 'Hola {nombre}', b: '{n, plural, one {#} other {#}}', c: '{k, select, y {Y} other {O}}', d: 'extra' };
    const problems = catalogProblems('xx', en, bad);
    expect(problems).toContain('xx: extra key "d" (not in English)');
    expect(problems.some((p) => p.startsWith('xx: "a" has arguments [nombre:argument]'))).toBe(true);
    expect(problems.some((p) => p.startsWith('xx: "b"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('xx: "c"'))).toBe(true);
    expect(catalogProblems('xx', en, { a: 'Hi {name}' })).toEqual(['xx: missing "b"', 'xx: missing "c"']);
  });
});

describe('English messages', () => {
  it('all parse, with an other clause on every plural and select', () => {
    for (const [key, text] of Object.entries(english)) expect(() => signatureOf(text), key).not.toThrow();
  });
});

describe.each(folders.filter((f) => f !== 'en'))('messages for %s', (locale) => {
  it('has a messages.json', () => {
    expect(existsSync(new URL(`${locale}/messages.json`, LOCALES_DIR)), `locales/${locale}/messages.json`).toBe(true);
  });

  it('has every English key, no other key, and the same ICU arguments', () => {
    if (!existsSync(new URL(`${locale}/messages.json`, LOCALES_DIR))) return;
    expect(catalogProblems(locale, english, readMessages(locale))).toEqual([]);
  });
});

describe('all offered languages', () => {
  // Fails until every translation has landed: the app offers these twelve.
  it('have a locale folder with messages and a guide', () => {
    const missing = LOCALES.flatMap((l) =>
      ['messages.json', 'guide.md']
        .filter((file) => !existsSync(new URL(`${l.code}/${file}`, LOCALES_DIR)))
        .map((file) => `locales/${l.code}/${file}`),
    );
    expect(missing).toEqual([]);
  });
});
