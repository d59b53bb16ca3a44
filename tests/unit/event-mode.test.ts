import { afterEach, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { checkSetup, reviewPath, type EventSetupInput } from '../../src/event-mode/event-mode';
import { createIdleTimer } from '../../src/event-mode/idle-timer';
import { handOffUrl, qrPath } from '../../src/event-mode/qr';
import { statsBody } from '../../src/event-mode/event-stats-send';
import { EMPTY_COUNTS, type EventRecord } from '../../src/storage/event-record';
import { addSession, isEventDraft } from '../../src/event-mode/events';
import { isRuntimeCache } from '../../src/storage/wipe';
import { EventStatsSchema } from '../../src/shared/event-stats';

const SETUP: EventSetupInput = {
  name: 'Library fair',
  place: '',
  date: '2025-05-03',
  defaultLocale: 'es',
  idleSeconds: 180,
  pin: '123456',
  pinConfirm: '123456',
};

const EVENT: EventRecord = {
  ...EMPTY_COUNTS,
  id: '0b6c3f7e-4f8a-4c1e-9d2b-7a5e3c1f9e01',
  name: 'Library fair',
  place: 'Main St',
  date: '2025-05-03',
  defaultLocale: 'es',
  idleSeconds: 180,
  startedAt: 1,
};

afterEach(() => vi.useRealTimers());

describe('event setup', () => {
  it('accepts a complete setup and names each bad field', () => {
    expect(checkSetup(SETUP)).toEqual([]);
    const fields = (input: Partial<EventSetupInput>) => checkSetup({ ...SETUP, ...input }).map((i) => i.field);
    expect(fields({ name: '  ' })).toEqual(['name']);
    expect(fields({ date: '2025-02-30' })).toEqual(['date']);
    expect(fields({ defaultLocale: 'xx' })).toEqual(['defaultLocale']);
    expect(fields({ idleSeconds: 30 })).toEqual(['idleSeconds']);
    expect(fields({ idleSeconds: 90.5 })).toEqual(['idleSeconds']);
    expect(fields({ pin: '12345', pinConfirm: '12345' })).toEqual(['pin']);
    expect(fields({ pinConfirm: '123457' })).toEqual(['pinConfirm']);
  });

  it('sends a person to review by the draft’s random id only', () => {
    expect(reviewPath('0b6c3f7e-4f8a-4c1e-9d2b-7a5e3c1f9e01')).toBe('/requests/0b6c3f7e-4f8a-4c1e-9d2b-7a5e3c1f9e01/review');
  });
});

describe('event counts', () => {
  it('adds a used session once, and nothing for an unused one', () => {
    const tally = { id: 's1', used: true, languages: ['es', 'en'], outcomes: ['may-help'], submitted: ['d1', 'd2'] };
    const once = addSession(EVENT, tally);
    expect(once).toMatchObject({ served: 1, languages: { es: 1, en: 1 }, outcomes: { 'may-help': 1 }, submitted: 2 });
    const twice = addSession(once, { ...tally, languages: ['es'], outcomes: [], submitted: [] });
    expect(twice).toMatchObject({ served: 2, languages: { es: 2, en: 1 }, submitted: 2 });
    expect(addSession(twice, { ...tally, used: false })).toBe(twice);
  });

  it('builds a body the server accepts, with counts and the event only', () => {
    const event = addSession(EVENT, { id: 's', used: true, languages: ['zh-Hans'], outcomes: ['go-elsewhere'], submitted: ['x'] });
    const body = statsBody(event, { waiting: 1, needsAttention: 0, delivered: 3 });
    expect(v.safeParse(EventStatsSchema, body).success).toBe(true);
    expect(JSON.stringify(body)).not.toContain(EVENT.id);
    expect(JSON.stringify(body)).not.toContain('"x"');
  });

  it('treats drafts made before the event as the owner’s', () => {
    expect(isEventDraft({ createdAt: 0, updatedAt: 5 }, 1)).toBe(false);
    expect(isEventDraft({ createdAt: 2, updatedAt: 5 }, 1)).toBe(true);
    expect(isEventDraft({ sessionId: 's', createdAt: 0, updatedAt: 5 }, 1)).toBe(true);
  });
});

describe('idle timer', () => {
  it('warns at idle − 30 s, activity takes the warning back, and silence reports idle once', () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const timer = createIdleTimer({
      idleMs: 180_000,
      warnMs: 30_000,
      onWarn: () => seen.push('warn'),
      onActive: () => seen.push('active'),
      onIdle: () => seen.push('idle'),
    });
    timer.activity();
    vi.advanceTimersByTime(150_000);
    expect(seen).toEqual(['warn']);
    timer.activity();
    expect(seen).toEqual(['warn', 'active']);
    vi.advanceTimersByTime(179_999);
    expect(seen).toEqual(['warn', 'active', 'warn']);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['warn', 'active', 'warn', 'idle']);
    timer.activity();
    vi.advanceTimersByTime(1_000_000);
    expect(seen).toHaveLength(4);
  });
});

describe('hand-off code and caches', () => {
  it('encodes the app’s address only, as one path with a quiet zone', () => {
    expect(handOffUrl('https://help.example.org')).toBe('https://help.example.org/');
    const { size, d } = qrPath('https://help.example.org/');
    expect(size).toBe(25 + 8); // version 2 at level M, plus 4 modules each side
    expect(d.startsWith('M4 4h7v1h-7z')).toBe(true); // the top-left finder pattern
    expect(qrPath('https://help.example.org/')).toEqual({ size, d });
  });

  it('deletes runtime caches but keeps the precache and the public config and keys', () => {
    expect(isRuntimeCache('workbox-precache-v2-https://x/')).toBe(false);
    expect(isRuntimeCache('config')).toBe(false);
    expect(isRuntimeCache('keys')).toBe(false);
    expect(isRuntimeCache('images')).toBe(true);
  });
});
