import { describe, expect, it } from 'vitest';
import { createIntl } from '@formatjs/intl';
import { formatBytes } from '../../src/requests/display';

describe('formatBytes', () => {
  const intl = createIntl({ locale: 'en', messages: {} });
  it('says bytes in words with the right plural, and larger sizes short', () => {
    expect(formatBytes(intl, 0)).toBe('0 bytes');
    expect(formatBytes(intl, 1)).toBe('1 byte');
    expect(formatBytes(intl, 999)).toBe('999 bytes');
    expect(formatBytes(intl, 1536)).toBe('1.5 kB');
    expect(formatBytes(intl, 10 * 1024 ** 3)).toBe('10 GB');
  });
});
