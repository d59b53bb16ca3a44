import { describe, expect, it } from 'vitest';
import { compileGuide, placeholdersOf, type CompiledGuide } from '../../scripts/locale-content';
import { FACTS, FACTS_EDITION, isFactId, type Fact, type FactId } from '../../src/facts/contacts';
import { PUBLISHED_FACTS } from '../../src/facts/fact-book';

const factHref = (id: FactId) => PUBLISHED_FACTS.href(id);
const formatFact = (id: FactId) => PUBLISHED_FACTS.text(id);
import { GUIDE_SECTION_IDS as SECTION_IDS } from './guide-sections';
import { existsSync, readdirSync, readFileSync } from './node-fs';

const LOCALES_DIR = new URL('../../locales/', import.meta.url);

const ACTIONS = new Set(['start-request', 'start-screener']);

/** Things that are facts and so may only appear through `{{fact:…}}`. */
const COPIED_FACT_PATTERNS: [string, RegExp][] = [
  ['phone or fax number', /\(?\b\d{3}\)?[\s.\u2010-\u2015-]\d{3}[\s.\u2010-\u2015-]\d{4}\b/],
  ['long digit run', /\d{7,}/],
  ['e-mail address', /[^\s@]+@[^\s@]+\.[a-z]{2,}/i],
  ['web address', /https?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:gov|com|org|net)\b/i],
  ['form number DHS-7001', /DHS[\s\u2010-\u2015-]*7001|\b7001\b/i],
  ['form number G-28', /\bG[\s\u2010-\u2015-]?28\b/i],
  ['mail stop', /mail\s*stop|\b(?:0180|1225)\b/i],
  ['ZIP code', /\b20528\b/],
];

function read(locale: string): string {
  return readFileSync(new URL(`${locale}/guide.md`, LOCALES_DIR), 'utf8');
}

/** Every locale folder with a guide.md, so translations added later are checked too. */
function guideLocales(): string[] {
  return readdirSync(LOCALES_DIR)
    .filter((name) => existsSync(new URL(`${name}/guide.md`, LOCALES_DIR)))
    .sort();
}

/** Placeholders per section id, sorted, so translations can be compared with English. */
function placeholdersBySection(guide: CompiledGuide): Record<string, string[]> {
  return Object.fromEntries(guide.sections.map((s) => [s.id, placeholdersOf(s.html)]));
}

const english = compileGuide(read('en'), 'locales/en/guide.md');

describe('English guide', () => {
  it('has the eight sections in order', () => {
    expect(english.title).not.toBe('');
    expect(english.sections.map((s) => s.id)).toEqual(SECTION_IDS);
    for (const s of english.sections) {
      expect(s.title, s.id).not.toBe('');
      expect(s.html, s.id).not.toBe('');
    }
  });

  it('offers the screener and the request form', () => {
    const byId = placeholdersBySection(english);
    const screenerAt = SECTION_IDS.findIndex((id) => byId[id]!.includes('action:start-screener'));
    expect(screenerAt).toBeGreaterThanOrEqual(SECTION_IDS.indexOf('when-we-can-help'));
    expect(byId['how-to-ask']).toContain('action:start-request');
    // The view swaps a whole paragraph for the button.
    expect(read('en')).toMatch(/^\{\{action:start-request\}\}$/m);
  });

  it('is complete but short enough to translate into eleven languages', () => {
    const words = read('en')
      .replace(/\{\{[^}]*\}\}/g, 'X')
      .split(/\s+/)
      .filter((w) => /[A-Za-z]/.test(w)).length;
    expect(words).toBeGreaterThan(800);
    expect(words).toBeLessThan(1450);
  });

  it('states the facts the issues require', () => {
    const text = read('en');
    for (const must of [/14 days/, /original/i, /Privacy Act/, /no fee/i, /cannot make or change USCIS decisions/, /deadline/i]) {
      expect(text).toMatch(must);
    }
  });
});

describe.each(guideLocales())('guide %s', (locale) => {
  const source = read(locale);
  const guide = compileGuide(source, `locales/${locale}/guide.md`);

  it('has the same section ids as English, in order', () => {
    expect(guide.sections.map((s) => s.id)).toEqual(SECTION_IDS);
  });

  it('has the same placeholders as English in each section', () => {
    expect(placeholdersBySection(guide)).toEqual(placeholdersBySection(english));
  });

  it('refers only to known facts and actions', () => {
    for (const p of placeholdersOf(source)) {
      const [type, id] = p.split(':') as [string, string];
      if (type === 'fact') expect(isFactId(id), p).toBe(true);
      else expect(ACTIONS.has(id), p).toBe(true);
    }
  });

  it('copies no fact into the prose', () => {
    const prose = source.replace(/\{\{(?:fact|action):[A-Za-z0-9_.-]+\}\}/g, ' ');
    for (const [what, pattern] of COPIED_FACT_PATTERNS) {
      const hit = pattern.exec(prose);
      expect(hit?.[0], `${locale}: ${what} typed in the prose`).toBeUndefined();
    }
  });

  it('has no raw HTML and no malformed placeholder', () => {
    expect(source).not.toMatch(/<\/?[a-z!][^>]*>/i);
    const braces = source.match(/\{\{[^}]*\}\}/g) ?? [];
    expect(braces.length).toBe(placeholdersOf(source).length);
  });
});

describe('contact facts', () => {
  const entries = Object.entries(FACTS) as [FactId, Fact][];

  it('every fact has a source and a check date no later than the edition date', () => {
    for (const [id, fact] of entries) {
      expect(fact.source.trim().length, id).toBeGreaterThan(10);
      expect(fact.checked, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(fact.checked)), id).toBe(false);
      expect(fact.checked <= FACTS_EDITION.checked, id).toBe(true);
    }
    expect(FACTS_EDITION.note).toMatch(/1225/);
    expect(FACTS_EDITION.note).toMatch(/0180/);
  });

  it('follows the newer brochure edition', () => {
    expect(FACTS.ombudsmanEmail.value).toBe('cisombudsman@hq.dhs.gov');
    expect(FACTS.ombudsmanMailAddress.value).toContain('Mail Stop 0180');
    expect(FACTS.ombudsmanCaseMailAddress.value).toContain('Mail Stop 0180');
    for (const [id, fact] of entries) expect(fact.value, id).not.toContain('1225');
  });

  it('builds links that work', () => {
    for (const [id, fact] of entries) {
      const href = factHref(id);
      expect(formatFact(id).length, id).toBeGreaterThan(0);
      switch (fact.kind) {
        case 'phone':
          expect(href, id).toMatch(/^tel:\+1\d{10}$/);
          break;
        case 'email':
          expect(href, id).toBe(`mailto:${fact.value}`);
          break;
        case 'url':
          expect(href, id).toMatch(/^https:\/\/[a-z0-9.-]+\.(gov|org)(\/|$)/);
          expect(formatFact(id), id).not.toMatch(/^https?:|\/$/);
          break;
        case 'form':
          if (href !== undefined) expect(href, id).toMatch(/^https:\/\//);
          break;
        default:
          expect(href, id).toBeUndefined();
      }
    }
    expect(factHref('ombudsmanPhone')).toBe('tel:+12023578100');
    expect(factHref('ombudsmanPhoneTollFree')).toBe('tel:+18558828100');
    expect(formatFact('uscisWebsite')).toBe('www.uscis.gov');
  });

  it('knows its own ids and nothing else', () => {
    expect(isFactId('ombudsmanPhone')).toBe(true);
    expect(isFactId('toString')).toBe(false);
    expect(isFactId('nope')).toBe(false);
  });
});
