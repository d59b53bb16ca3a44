/**
 * In every language, the four states of a finished request read as four
 * different things: "ready to send" must never read as "delivered" (the
 * Spanish heading once said "Solicitud entregada" while offline).
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales';
import { readFileSync } from './node-fs';

const LABELS = ['outbox.label.waiting', 'outbox.label.sending', 'outbox.label.delivered', 'outbox.label.needsAttention'];

describe.each(LOCALES.map((l) => l.code))('%s', (code) => {
  const messages = JSON.parse(readFileSync(new URL(`../../locales/${code}/messages.json`, import.meta.url), 'utf8')) as Record<string, string>;

  it('has four different state labels', () => {
    const labels = LABELS.map((k) => messages[k]);
    for (const l of labels) expect(l?.trim()).toBeTruthy();
    expect(new Set(labels).size).toBe(4);
  });

  it('never words the waiting heading like the delivered one', () => {
    const waiting = messages['outbox.label.waiting']!;
    const delivered = messages['outbox.label.delivered']!;
    expect(waiting).not.toBe(delivered);
    expect(waiting.includes(delivered) || delivered.includes(waiting)).toBe(false);
  });
});
