/**
 * Merges message keys into a locale's messages.json, keeping keys sorted so
 * diffs stay small and parallel work rarely conflicts.
 *
 *   npx tsx scripts/add-messages.ts fragment.json [locale=en]
 *
 * The fragment is a flat {"key": "ICU message"} object. Existing keys are
 * overwritten by the fragment; other keys are kept.
 */
import { readFileSync, writeFileSync, existsSync, renameSync, mkdirSync } from 'node:fs';
import { compileMessages } from './locale-content';

const [fragmentPath, locale = 'en'] = process.argv.slice(2);
if (!fragmentPath) {
  console.error('usage: tsx scripts/add-messages.ts fragment.json [locale]');
  process.exit(2);
}
const fragment = JSON.parse(readFileSync(fragmentPath, 'utf8')) as Record<string, string>;
compileMessages(fragment, fragmentPath); // refuse invalid ICU before touching the catalog
const dir = `locales/${locale}`;
const file = `${dir}/messages.json`;
mkdirSync(dir, { recursive: true });
const current = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
const merged = { ...current, ...fragment };
const sorted = Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k]!]));
writeFileSync(`${file}.tmp`, JSON.stringify(sorted, null, 2) + '\n');
renameSync(`${file}.tmp`, file);
console.log(`${file}: ${Object.keys(fragment).length} keys merged, ${Object.keys(sorted).length} in all`);
