import { describe, expect, it } from 'vitest';
import { pickVoice, splitForSpeech } from '../../src/guide/speech';
import { normalizeTextScale, stepTextScale, TEXT_SCALES } from '../../src/ui/text-scale';

const voice = (lang: string, name = lang, extra: { localService?: boolean; default?: boolean } = {}) => ({ lang, name, ...extra });

describe('pickVoice', () => {
  it('prefers the exact tag, then the same language elsewhere, and an on-device voice among equals', () => {
    const voices = [voice('es-ES'), voice('en-GB'), voice('es-US', 'remote'), voice('es-US', 'local', { localService: true })];
    expect(pickVoice(voices, 'es-US')?.name).toBe('local');
    expect(pickVoice([voice('es-MX')], 'es-US')?.lang).toBe('es-MX');
    expect(pickVoice([voice('ar_SA')], 'ar')?.lang).toBe('ar_SA');
  });

  it('finds Filipino voices for Tagalog whichever code the engine uses', () => {
    expect(pickVoice([voice('tl-PH')], 'fil-PH')?.lang).toBe('tl-PH');
    expect(pickVoice([voice('fil-PH')], 'fil-PH')?.lang).toBe('fil-PH');
  });

  it('answers nothing when no voice speaks the language', () => {
    expect(pickVoice([voice('en-US'), voice('fr-FR')], 'ht')).toBeUndefined();
    expect(pickVoice([], 'en-US')).toBeUndefined();
  });
});

describe('splitForSpeech', () => {
  it('keeps short text whole and tidies its spaces', () => {
    expect(splitForSpeech('  Call   us\n today. ')).toEqual(['Call us today.']);
    expect(splitForSpeech('   ')).toEqual([]);
  });

  it('cuts long text at sentence ends without losing words', () => {
    const text = Array.from({ length: 12 }, (_, i) => `Sentence number ${i} says something short.`).join(' ');
    const pieces = splitForSpeech(text, 100);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(100);
      expect(p).toMatch(/\.$/);
    }
    expect(pieces.join(' ')).toBe(text);
  });

  it('cuts one overlong sentence at spaces, and text without spaces anywhere', () => {
    const long = 'word '.repeat(100).trim();
    const pieces = splitForSpeech(long, 50);
    expect(pieces.every((p) => p.length <= 50)).toBe(true);
    expect(pieces.join(' ')).toBe(long);
    const han = '监察员'.repeat(100);
    expect(splitForSpeech(han, 40).join('')).toBe(han);
  });

  it('knows Chinese and Arabic sentence ends', () => {
    expect(splitForSpeech('第一句。第二句！', 4)).toEqual(['第一句。', '第二句！']);
    expect(splitForSpeech('هل يمكن؟ نعم.', 9)).toEqual(['هل يمكن؟', 'نعم.']);
  });
});

describe('text scale steps', () => {
  it('snaps stored values to an offered step and steps within bounds', () => {
    expect(normalizeTextScale('1.25')).toBe(1.25);
    expect(normalizeTextScale('1.3')).toBe(1.25);
    expect(normalizeTextScale('nope')).toBe(1);
    expect(normalizeTextScale(99)).toBe(TEXT_SCALES[TEXT_SCALES.length - 1]);
    expect(stepTextScale(1, 1)).toBe(1.125);
    expect(stepTextScale(TEXT_SCALES[0]!, -1)).toBe(TEXT_SCALES[0]);
    expect(stepTextScale(2, 1)).toBe(2);
  });
});
