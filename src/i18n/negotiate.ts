import { DEFAULT_LOCALE, LOCALES, isSupportedLocale } from './locales';

/**
 * Browsers name some of our languages differently from our folders:
 * Chromium reports Tagalog as `fil`, Chinese arrives by region rather than
 * script. Map those before matching on the primary language.
 */
function canonical(tag: string): string | undefined {
  let lower = tag.trim().toLowerCase().replace(/_/g, '-');
  if (!lower) return undefined;
  if (lower === 'fil' || lower.startsWith('fil-') || lower === 'tl' || lower.startsWith('tl-')) return 'tl';
  if (lower.startsWith('zh')) {
    if (lower.includes('hant') || /-(tw|hk|mo)\b/.test(lower)) return 'zh-Hant';
    return 'zh-Hans';
  }
  // Haitian Creole is sometimes tagged with the older code.
  if (lower === 'hat') lower = 'ht';
  const primary = lower.split('-')[0]!;
  const match = LOCALES.find((l) => l.code.toLowerCase() === lower) ?? LOCALES.find((l) => l.code.toLowerCase() === primary);
  return match?.code;
}

/**
 * Picks the app locale: the remembered choice if it is still offered, else
 * the first of the browser's languages we have, else the deployment's
 * default, else English. Never throws, never answers an unknown code.
 */
export function negotiateLocale(
  preferred: readonly string[],
  remembered?: string | null,
  deploymentDefault?: string | null,
): string {
  if (isSupportedLocale(remembered)) return remembered;
  for (const tag of preferred) {
    const code = canonical(tag);
    if (code) return code;
  }
  if (isSupportedLocale(deploymentDefault)) return deploymentDefault;
  return DEFAULT_LOCALE;
}
