/**
 * The languages the app offers. `code` is the folder under `locales/`, and
 * the BCP 47 tag used for `<html lang>` and Intl formatting.
 * Names are written in the language itself so a person finds their own.
 */
export interface LocaleInfo {
  code: string;
  /** The language's name in itself, as shown in the picker. */
  name: string;
  dir: 'ltr' | 'rtl';
  /** Tag for speech synthesis voices and Intl, when it differs from `code`. */
  speechLang?: string;
}

export const LOCALES: readonly LocaleInfo[] = [
  { code: 'en', name: 'English', dir: 'ltr', speechLang: 'en-US' },
  { code: 'es', name: 'Español', dir: 'ltr', speechLang: 'es-US' },
  { code: 'zh-Hans', name: '中文（简体）', dir: 'ltr', speechLang: 'zh-CN' },
  { code: 'zh-Hant', name: '中文（繁體）', dir: 'ltr', speechLang: 'zh-TW' },
  { code: 'vi', name: 'Tiếng Việt', dir: 'ltr', speechLang: 'vi-VN' },
  { code: 'ko', name: '한국어', dir: 'ltr', speechLang: 'ko-KR' },
  { code: 'tl', name: 'Tagalog', dir: 'ltr', speechLang: 'fil-PH' },
  { code: 'ar', name: 'العربية', dir: 'rtl', speechLang: 'ar' },
  { code: 'ht', name: 'Kreyòl ayisyen', dir: 'ltr', speechLang: 'ht' },
  { code: 'fr', name: 'Français', dir: 'ltr', speechLang: 'fr-FR' },
  { code: 'ru', name: 'Русский', dir: 'ltr', speechLang: 'ru-RU' },
  { code: 'pt', name: 'Português', dir: 'ltr', speechLang: 'pt-BR' },
];

export const DEFAULT_LOCALE = 'en';

export function localeInfo(code: string): LocaleInfo {
  return LOCALES.find((l) => l.code === code) ?? LOCALES[0]!;
}

export function isSupportedLocale(code: unknown): code is string {
  return typeof code === 'string' && LOCALES.some((l) => l.code === code);
}
