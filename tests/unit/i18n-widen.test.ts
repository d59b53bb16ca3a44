import { describe, expect, it } from 'vitest';
import { makeI18n } from '../../src/i18n/context';
import type { Catalog } from '../../src/i18n/catalog';
import { compileMessages } from '../../scripts/locale-content';

// The shell's strings come first; a screen's strings follow when the page is idle.
const shell: Catalog = { 'shell.skip': 'Skip to content' };
const withRequests: Catalog = {
  ...shell,
  'requests.title': 'Requests',
  ...compileMessages({ 'outbox.badge': '{count, plural, one {# request not sent yet} other {# requests not sent yet}}' }),
};

describe('an I18n taking in more strings of its language', () => {
  it('keeps its identity and answers with the new strings, plain and formatted', () => {
    const i18n = makeI18n('en', shell, undefined, false);
    expect(i18n.widen(withRequests, true)).toBe(true);
    expect(i18n.t('requests.title')).toBe('Requests');
    expect(i18n.t('outbox.badge', { count: 3 })).toBe('3 requests not sent yet');
    expect(i18n.t('shell.skip')).toBe('Skip to content');
  });

  it('refuses once something was shown blank for want of a string: that screen must render again', () => {
    const i18n = makeI18n('en', shell, undefined, false);
    expect(i18n.t('requests.title')).toBe('');
    expect(i18n.widen(withRequests, true)).toBe(false);
    // Nothing was taken in: the new strings come with a new I18n and a render.
    expect(i18n.t('requests.title')).toBe('');
  });

  it('shows a missing id once complete, and a missing id in a complete catalog blocks nothing', () => {
    const i18n = makeI18n('en', shell, undefined, true);
    expect(i18n.t('nowhere.at.all')).toBe('nowhere.at.all');
    expect(i18n.widen(withRequests, true)).toBe(true);
    expect(i18n.t('requests.title')).toBe('Requests');
  });
});
