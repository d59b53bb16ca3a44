import { describe, expect, it } from 'vitest';
import { FACTS } from '../../src/facts/contacts';
import { PUBLISHED_FACTS, acceptsOverride, makeFactBook } from '../../src/facts/fact-book';

const memo = { source: 'Office notice of 2027-01-04', checked: '2027-01-05' };

describe('the fact book', () => {
  it('gives the published facts when the office changed nothing', () => {
    expect(PUBLISHED_FACTS.fact('ombudsmanPhone')).toBe(FACTS.ombudsmanPhone);
    expect(PUBLISHED_FACTS.text('ombudsmanWebsite')).toBe('www.dhs.gov/topic/cis-ombudsman');
    expect(PUBLISHED_FACTS.overridden).toEqual([]);
  });

  it("lays each override over its fact, with the office's own source and date", () => {
    const book = makeFactBook({
      ombudsmanPhone: { value: '(202) 555-0147', ...memo },
      ombudsmanEmail: { value: 'help@ombuds.example.org', ...memo },
      ombudsmanWebsite: { value: 'https://ombuds.example.org/', ...memo },
    });
    expect(book.fact('ombudsmanPhone')).toEqual({ kind: 'phone', value: '(202) 555-0147', ...memo });
    expect(book.href('ombudsmanPhone')).toBe('tel:+12025550147');
    expect(book.href('ombudsmanEmail')).toBe('mailto:help@ombuds.example.org');
    expect(book.text('ombudsmanWebsite')).toBe('ombuds.example.org');
    expect(book.href('ombudsmanWebsite')).toBe('https://ombuds.example.org/');
    // Facts the office did not touch keep their published value and date.
    expect(book.fact('ombudsmanFax')).toBe(FACTS.ombudsmanFax);
    expect(book.overridden.map((o) => o.id)).toEqual(['ombudsmanPhone', 'ombudsmanEmail', 'ombudsmanWebsite']);
  });

  it('drops an override for an unknown fact, a form, or the hours', () => {
    const book = makeFactBook({
      ombudsmanPager: { value: '202-555-0100', ...memo },
      formDhs7001: { value: 'DHS-9999', ...memo },
      uscisLiveHours: { value: '09:00–17:00', ...memo },
      toString: { value: '202-555-0100', ...memo },
    });
    expect(book.overridden).toEqual([]);
    expect(book.text('formDhs7001')).toBe('DHS-7001');
  });

  it.each([
    ['ombudsmanPhone', '555-0147'],
    ['ombudsmanPhone', 'call 202 555 0147'],
    ['ombudsmanFax', '+44 20 7946 0958 12'],
    ['ombudsmanEmail', 'not an address'],
    ['ombudsmanEmail', 'a@b'],
    ['ombudsmanWebsite', 'http://ombuds.example.org'],
    ['ombudsmanWebsite', 'javascript:alert(1)'],
    ['ombudsmanWebsite', 'https://exa mple.org'],
    ['ombudsmanMailAddress', 'line\u0007bell'],
    ['ombudsmanMailAddress', 'one\n\nempty line'],
  ])('refuses %s = %j: a value that does not fit the kind of fact', (id, value) => {
    expect(acceptsOverride(id, value)).toBe(false);
    expect(makeFactBook({ [id]: { value, ...memo } }).fact(id as 'ombudsmanPhone')).toBe(FACTS[id as 'ombudsmanPhone']);
  });

  it('accepts well-formed values of every contact kind', () => {
    expect(acceptsOverride('ombudsmanPhoneTollFree', '1-855-555-0100')).toBe(true);
    expect(acceptsOverride('ombudsmanFax', '202.555.0199')).toBe(true);
    expect(acceptsOverride('ombudsmanCaseMailAddress', 'CIS Ombudsman\nMail Stop 0180\nWashington, D.C. 20528')).toBe(true);
    expect(acceptsOverride('uscisContactCenterUrl', 'https://www.uscis.gov/contact-us')).toBe(true);
  });
});
