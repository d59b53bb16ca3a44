import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// What the built documents ask for before any script runs: each of these
// files would otherwise be found one round trip later, by the script.
const links = (page: string, rel: string) =>
  [...readFileSync(join('dist', page), 'utf8').matchAll(new RegExp(`<link rel="${rel}" crossorigin href="/([^"]+)"`, 'g'))].map((m) => m[1]!);

describe('documents that ask for their first screen', () => {
  it('the shell asks for the English shell strings with the document', () => {
    expect(links('index.html', 'modulepreload')).toEqual(expect.arrayContaining([expect.stringMatching(/^assets\/messages-en-shell-/)]));
  });

  it("the guide's page asks for the guide's code, styles, strings and English text, and every file it names exists", () => {
    const js = links('guide.html', 'modulepreload');
    const css = links('guide.html', 'stylesheet');
    for (const name of [/^assets\/GuideView-.+\.js$/, /^assets\/messages-en-guide-/, /^assets\/guide-en-/, /^assets\/messages-en-shell-/]) {
      expect(js).toEqual(expect.arrayContaining([expect.stringMatching(name)]));
    }
    expect(css).toEqual(expect.arrayContaining([expect.stringMatching(/^assets\/GuideView-.+\.css$/)]));
    // No other screen's strings: the guide does not wait for them.
    expect(js.filter((f) => /messages-en-app-/.test(f))).toEqual([]);
    for (const f of [...js, ...css]) expect(existsSync(join('dist', f)), f).toBe(true);
    expect(readFileSync('dist/guide.html', 'utf8')).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });
});
