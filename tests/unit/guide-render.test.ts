import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../scripts/locale-content';
import { escapeHtml, factHtml, renderGuideHtml, type GuideActionId } from '../../src/guide/render';
import { FACTS } from '../../src/facts/contacts';
import { PUBLISHED_FACTS, makeFactBook } from '../../src/facts/fact-book';
import { existsSync, readdirSync, readFileSync } from './node-fs';

const LOCALES_DIR = new URL('../../locales/', import.meta.url);

const labels: Record<GuideActionId, string> = { 'start-request': 'Start <now>', 'start-screener': 'Check & see' };
const options = { actionLabel: (id: GuideActionId) => labels[id], facts: PUBLISHED_FACTS };
const render = (html: string) => renderGuideHtml(html, options);

describe('fact placeholders', () => {
  it('links phone numbers with tel: and keeps them left-to-right', () => {
    const { html, unknown } = render('<p>Call {{fact:ombudsmanPhone}} today.</p>');
    expect(unknown).toEqual([]);
    expect(html).toBe('<p>Call <a class="fact fact--phone" dir="ltr" href="tel:+12023578100">202-357-8100</a> today.</p>');
  });

  it('links e-mail with mailto: and web addresses with https:, showing the address without its scheme', () => {
    expect(render('{{fact:ombudsmanEmail}}').html).toBe(
      '<a class="fact fact--email" dir="ltr" href="mailto:cisombudsman@hq.dhs.gov">cisombudsman@hq.dhs.gov</a>',
    );
    expect(render('{{fact:uscisWebsite}}').html).toBe(
      '<a class="fact fact--url" dir="ltr" href="https://www.uscis.gov" rel="noopener">www.uscis.gov</a>',
    );
  });

  it('shows fax numbers, form numbers and hours as isolated text, not links', () => {
    expect(render('{{fact:ombudsmanFax}}').html).toBe('<bdi class="fact fact--fax" dir="ltr">202-357-0042</bdi>');
    expect(render('Form {{fact:formDhs7001}}').html).toBe('Form <bdi class="fact fact--form" dir="ltr">DHS-7001</bdi>');
    expect(render('{{fact:uscisLiveHours}}').html).toContain('dir="ltr">08:00–20:00</bdi>');
  });

  it('turns an address alone in a paragraph into a block of lines, each isolated', () => {
    const { html } = render('<p>{{fact:ombudsmanCaseMailAddress}}</p>');
    const lines = FACTS.ombudsmanCaseMailAddress.value.split('\n');
    expect(html.startsWith('<p class="fact fact--address">')).toBe(true);
    expect(html.match(/<br>/g)).toHaveLength(lines.length - 1);
    for (const line of lines) expect(html).toContain(`<bdi dir="ltr">${escapeHtml(line)}</bdi>`);
    // Inline, an address keeps its lines but not a paragraph of its own.
    expect(render('<li>{{fact:ombudsmanMailAddress}}</li>').html).toMatch(/^<li><span class="fact fact--address"><bdi dir="ltr">/);
  });

  it('keeps numbers and e-mail isolated inside right-to-left text', () => {
    const { html } = render('<p>اتصل على {{fact:ombudsmanPhone}} أو اكتب إلى {{fact:ombudsmanEmail}}.</p>');
    expect(html.match(/dir="ltr"/g)).toHaveLength(2);
    expect(html).toContain('اتصل على <a class="fact fact--phone" dir="ltr"');
  });
});

describe('facts the office changed', () => {
  const facts = makeFactBook({
    ombudsmanPhone: { value: '202-555-0147', source: 'Office memo 12', checked: '2027-01-05' },
    ombudsmanCaseMailAddress: { value: 'CIS Ombudsman\nPO Box 1 <b>\nWashington, DC 20001', source: 'memo', checked: '2027-01-05' },
  });
  const renderWith = (html: string) => renderGuideHtml(html, { ...options, facts });

  it("shows the office's phone number, linked and dialled as written", () => {
    expect(renderWith('<p>Call {{fact:ombudsmanPhone}}.</p>').html).toBe(
      '<p>Call <a class="fact fact--phone" dir="ltr" href="tel:+12025550147">202-555-0147</a>.</p>',
    );
  });

  it("shows the office's postal address line by line, escaped", () => {
    const { html } = renderWith('<p>{{fact:ombudsmanCaseMailAddress}}</p>');
    expect(html).toBe(
      '<p class="fact fact--address"><bdi dir="ltr">CIS Ombudsman</bdi><br><bdi dir="ltr">PO Box 1 &lt;b&gt;</bdi><br><bdi dir="ltr">Washington, DC 20001</bdi></p>',
    );
  });
});

describe('action placeholders', () => {
  it('makes a paragraph holding only an action into a primary button, label escaped', () => {
    expect(render('<p>{{action:start-request}}</p>').html).toBe(
      '<p class="guide-action"><a class="button button--primary" href="/requests/new">Start &lt;now&gt;</a></p>',
    );
    expect(render('<p>{{action:start-screener}}</p>').html).toBe(
      '<p class="guide-action"><a class="button button--primary" href="/screener">Check &amp; see</a></p>',
    );
  });

  it('renders an action inside text as the link alone', () => {
    expect(render('<p>Or {{action:start-screener}} now.</p>').html).toBe(
      '<p>Or <a class="button button--primary" href="/screener">Check &amp; see</a> now.</p>',
    );
  });
});

describe('unknown placeholders', () => {
  it('render as nothing and are reported', () => {
    const { html, unknown } = render('<p>A {{fact:noSuchFact}} B {{action:fly}} C {{nonsense}} D</p><p>{{fact:nope}}</p>');
    expect(html).toBe('<p>A  B  C  D</p><p></p>');
    expect(unknown).toEqual(['{{fact:noSuchFact}}', '{{action:fly}}', '{{nonsense}}', '{{fact:nope}}']);
  });

  it('do not mistake object properties for facts', () => {
    expect(render('{{fact:toString}}{{action:constructor}}').unknown).toHaveLength(2);
  });

  it('leave other HTML alone', () => {
    const html = '<p>Plain <strong>text</strong> &amp; {single} braces.</p>';
    expect(render(html)).toEqual({ html, unknown: [] });
  });
});

describe('escaping', () => {
  it('escapes every character that could open markup or an attribute', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('escapes fact values, so a hostile override could not inject markup', () => {
    for (const id of Object.keys(FACTS) as (keyof typeof FACTS)[]) {
      const out = factHtml(PUBLISHED_FACTS, id);
      const text = out.replace(/<[^>]*>/g, '');
      expect(text, id).not.toMatch(/[<>"]/);
    }
  });
});

describe('every guide on disk', () => {
  const locales = readdirSync(LOCALES_DIR).filter((name) => existsSync(new URL(`${name}/guide.md`, LOCALES_DIR)));

  it.each(locales)('%s renders with no unknown placeholder and no placeholder left over', (locale) => {
    const guide = compileGuide(readFileSync(new URL(`${locale}/guide.md`, LOCALES_DIR), 'utf8'), `${locale}/guide.md`);
    for (const part of [{ id: 'lead', html: guide.lead }, ...guide.sections]) {
      const { html, unknown } = render(part.html);
      expect(unknown, `${locale} ${part.id}`).toEqual([]);
      expect(html, `${locale} ${part.id}`).not.toContain('{{');
    }
  });
});
