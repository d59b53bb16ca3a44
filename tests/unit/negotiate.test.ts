import { describe, expect, it } from 'vitest';
import { negotiateLocale } from '../../src/i18n/negotiate';

describe('choosing the app language', () => {
  it('keeps a remembered choice that is still offered', () => {
    expect(negotiateLocale(['fr-FR'], 'es')).toBe('es');
  });
  it('ignores a remembered choice that is not offered', () => {
    expect(negotiateLocale(['fr-FR'], 'xx')).toBe('fr');
    expect(negotiateLocale([], 'xx')).toBe('en');
  });
  it('takes the first browser language we have', () => {
    expect(negotiateLocale(['de-DE', 'es-MX', 'en'])).toBe('es');
  });
  it('maps Chinese by region to the right script', () => {
    expect(negotiateLocale(['zh-TW'])).toBe('zh-Hant');
    expect(negotiateLocale(['zh-HK'])).toBe('zh-Hant');
    expect(negotiateLocale(['zh-Hant'])).toBe('zh-Hant');
    expect(negotiateLocale(['zh-CN'])).toBe('zh-Hans');
    expect(negotiateLocale(['zh-SG'])).toBe('zh-Hans');
    expect(negotiateLocale(['zh'])).toBe('zh-Hans');
  });
  it('knows Tagalog as Chromium names it', () => {
    expect(negotiateLocale(['fil'])).toBe('tl');
    expect(negotiateLocale(['fil-PH'])).toBe('tl');
  });
  it('falls back to the deployment default, then English', () => {
    expect(negotiateLocale(['de'], null, 'es')).toBe('es');
    expect(negotiateLocale(['de'], null, 'nope')).toBe('en');
    expect(negotiateLocale(['', '  '])).toBe('en');
  });
});
