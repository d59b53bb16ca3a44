/**
 * Prints, as JSON, the English messages a locale lacks (or whose English
 * changed shape), for a translator to translate and merge back with
 * `scripts/add-messages.ts`:
 *
 *   npx tsx scripts/missing-messages.ts es > /tmp/es-todo.json
 *   # translate the values, keep keys and {arguments}
 *   npx tsx scripts/add-messages.ts /tmp/es-done.json es
 */
import { existsSync, readFileSync } from 'node:fs';
import { messageSignature } from './locale-content.ts';

const code = process.argv[2];
if (!code) {
  console.error('usage: tsx scripts/missing-messages.ts <locale>');
  process.exit(2);
}
const en = JSON.parse(readFileSync('locales/en/messages.json', 'utf8')) as Record<string, string>;
const file = `locales/${code}/messages.json`;
const local = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
const args = (s: string) => {
  try {
    return messageSignature(s).join('|');
  } catch {
    return '!invalid';
  }
};
const todo: Record<string, string> = {};
for (const [key, text] of Object.entries(en)) {
  if (!(key in local) || args(local[key]!) !== args(text)) todo[key] = text;
}
console.log(JSON.stringify(todo, null, 2));
