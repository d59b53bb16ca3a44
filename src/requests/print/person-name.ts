/**
 * A person's name as one line, in the order the reader's language writes
 * names: Chinese puts the family name first (and, in Chinese characters,
 * no space between the parts); the other languages the app offers put the
 * given names first.
 */
const FAMILY_FIRST = new Set(['zh-Hans', 'zh-Hant']);
const HAN_ONLY = /^[\p{Script=Han}·・]+$/u;

export interface NameParts {
  familyName: string;
  givenName: string;
  middleName: string;
}

export function personName(locale: string, person: NameParts): string {
  const family = person.familyName.trim();
  const given = [person.givenName, person.middleName]
    .map((x) => x.trim())
    .filter(Boolean)
    .join(' ');
  if (!FAMILY_FIRST.has(locale)) return [given, family].filter(Boolean).join(' ');
  const parts = [family, given].filter(Boolean);
  return parts.join(parts.every((x) => HAN_ONLY.test(x)) ? '' : ' ');
}
