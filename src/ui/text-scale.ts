/**
 * The reader's text size, remembered on this device and applied to every
 * screen through the `--text-scale` CSS variable on <html> (styles.css
 * multiplies the root font size by it, so everything in rem follows).
 */
import { localStore } from '../storage/web-storage';

export const TEXT_SCALE_KEY = 'ombuds.textScale';

/** Steps offered by the A−/A+ control; 1 is the normal size. */
export const TEXT_SCALES: readonly number[] = [0.875, 1, 1.125, 1.25, 1.5, 1.75, 2];

export const DEFAULT_TEXT_SCALE = 1;

/** Snaps any stored number to the nearest offered step, so a hand-edited value cannot break the layout. */
export function normalizeTextScale(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return DEFAULT_TEXT_SCALE;
  let best = DEFAULT_TEXT_SCALE;
  for (const step of TEXT_SCALES) if (Math.abs(step - n) < Math.abs(best - n)) best = step;
  return best;
}

export function readTextScale(): number {
  try {
    const stored = localStore()?.getItem(TEXT_SCALE_KEY) ?? null;
    return stored === null ? DEFAULT_TEXT_SCALE : normalizeTextScale(stored);
  } catch {
    return DEFAULT_TEXT_SCALE;
  }
}

/**
 * Sets the variable on <html>; with no argument, applies the remembered size
 * (called at boot). The normal size is the stylesheet's own value, so it is
 * left there: any write to <html>'s style makes the browser restyle the
 * whole page (a trace of the guide's boot: "Inline CSS style declaration
 * was mutated" on <html>, in a restyle of all 144 elements).
 */
export function applyTextScale(scale: number = readTextScale()): number {
  const value = normalizeTextScale(scale);
  const style = document.documentElement.style;
  const next = value === DEFAULT_TEXT_SCALE ? '' : String(value);
  if (style.getPropertyValue('--text-scale') !== next) {
    if (next) style.setProperty('--text-scale', next);
    else style.removeProperty('--text-scale');
  }
  return value;
}

/** Remembers and applies a new size. Only a number is stored: no personal data. */
export function saveTextScale(scale: number): number {
  const value = applyTextScale(scale);
  try {
    localStore()?.setItem(TEXT_SCALE_KEY, String(value));
  } catch {
    // Storage blocked (private mode): the size lasts this visit only.
  }
  return value;
}

/** The next step up or down from `current`, staying within the offered steps. */
export function stepTextScale(current: number, direction: 1 | -1): number {
  const i = TEXT_SCALES.indexOf(normalizeTextScale(current));
  const next = Math.min(TEXT_SCALES.length - 1, Math.max(0, i + direction));
  return TEXT_SCALES[next]!;
}
