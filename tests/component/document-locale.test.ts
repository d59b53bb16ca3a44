import { afterEach, describe, expect, it } from 'vitest';
import { applyDocumentLocale } from '../../src/app/boot';

/** The attribute names written on <html> while `act` runs. */
function writesOnRoot(act: () => void): string[] {
  const seen = new MutationObserver(() => {});
  seen.observe(document.documentElement, { attributes: true });
  act();
  const names = seen.takeRecords().map((r) => r.attributeName!);
  seen.disconnect();
  return names;
}

afterEach(() => applyDocumentLocale('en'));

describe("the document's language", () => {
  it('follows the app: lang and dir on <html>, right to left for Arabic', () => {
    applyDocumentLocale('en');
    expect(writesOnRoot(() => applyDocumentLocale('ar'))).toEqual(['lang', 'dir']);
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ar', 'rtl']);
    expect(writesOnRoot(() => applyDocumentLocale('es'))).toEqual(['lang', 'dir']);
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['es', 'ltr']);
  });

  // Each write, even of the same value, has the browser check :lang() and :dir() on every element again.
  it('writes nothing when <html> already says it, as the prerendered guide does', () => {
    applyDocumentLocale('en');
    expect(writesOnRoot(() => applyDocumentLocale('en'))).toEqual([]);
    expect(writesOnRoot(() => applyDocumentLocale('fr'))).toEqual(['lang']);
  });
});
