import { describe, expect, it } from 'vitest';
import { cssString, pageCounterContent } from '../../src/requests/print/print-header';
import { requesterName } from '../../src/requests/display';

describe('the printed page numbers', () => {
  it('leave the numbers to the page counters, around the translated words', () => {
    expect(pageCounterContent(({ page, pages }) => `Page ${page} of ${pages}`)).toBe('"Page " counter(page) " of " counter(pages)');
    expect(pageCounterContent(({ page, pages }) => `第 ${page} 页，共 ${pages} 页`)).toBe('"第 " counter(page) " 页，共 " counter(pages) " 页"');
    // Korean puts the total first.
    expect(pageCounterContent(({ page, pages }) => `${pages}쪽 중 ${page}쪽`)).toBe('counter(pages) "쪽 중 " counter(page) "쪽"');
  });

  it('cannot be broken out of by quotes in a translation', () => {
    expect(pageCounterContent(({ page }) => `"x" ${page}`)).toBe('"\\"x\\" " counter(page)');
    expect(cssString('a\nb')).toBe('"a b"');
  });
});

describe('a name on one line', () => {
  const person = (n: { familyName: string; givenName: string; middleName: string }) => ({ kind: 'person', businessName: '', ...n });
  const name = person({ familyName: ' 王 ', givenName: '小明', middleName: '' });
  it('puts the family name first in Chinese, with no space between Chinese characters', () => {
    expect(requesterName(name, 'zh-Hans')).toBe('王小明');
    expect(requesterName(person({ familyName: 'Wang', givenName: 'Xiao', middleName: 'Ming' }), 'zh-Hant')).toBe('Wang Xiao Ming');
  });
  it('puts the given names first in the other languages', () => {
    expect(requesterName(person({ familyName: 'García López', givenName: 'Ana', middleName: 'María' }), 'es')).toBe('Ana María García López');
    expect(requesterName(name, 'en')).toBe('小明 王');
    expect(requesterName(person({ familyName: '', givenName: 'Ana', middleName: '' }), 'en')).toBe('Ana');
  });
  it('names a company by its business name in every language', () => {
    const company = { kind: 'company', businessName: ' Acme Farms LLC ', familyName: 'Wang', givenName: 'Li', middleName: '' };
    expect(requesterName(company, 'zh-Hans')).toBe('Acme Farms LLC');
    expect(requesterName(company, 'en')).toBe('Acme Farms LLC');
  });
});
