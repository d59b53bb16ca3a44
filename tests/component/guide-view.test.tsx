import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { compileGuide, type CompiledGuide } from '../../scripts/locale-content';
import GuideView from '../../src/guide/GuideView';
import { makeGuideLoader } from '../../src/guide/load';
import { SMOOTH_SCROLL_CLASS } from '../../src/guide/useSmoothScroll';
import { TEXT_SCALE_KEY } from '../../src/ui/text-scale';
import { renderWithI18n } from './render-with-app';
import { GUIDE_SECTION_IDS as SECTION_IDS } from '../unit/guide-sections';
import { readFileSync } from '../unit/node-fs';
import { expectShown } from './shown';
import { allSectionsIn } from './guide-sections';

// Relative to the project root, vitest's working directory.
const english: CompiledGuide = compileGuide(readFileSync('locales/en/guide.md', 'utf8'));

/** A stand-in for a translated guide: same ids, other words. */
const arabic: CompiledGuide = {
  title: 'كيف يمكن لأمين المظالم مساعدتك',
  lead: '<p>مقدمة.</p>',
  sections: english.sections.map((s, i) => ({ id: s.id, title: `القسم ${i + 1}`, html: `<p>اتصل على {{fact:ombudsmanPhone}}.</p>` })),
};

async function renderGuide(options: Parameters<typeof renderWithI18n>[1] = {}, load?: Parameters<typeof GuideView>[0]['load']) {
  const result = renderWithI18n(<GuideView load={load} />, { locale: 'en', path: '/guide', ...options });
  await allSectionsIn(result.container);
  return result;
}

class FakeSynth extends EventTarget {
  voices: { lang: string; name: string; localService?: boolean }[] = [];
  spoken: { text: string; lang: string; onend: (() => void) | null }[] = [];
  getVoices = () => this.voices;
  speak = (u: { text: string; lang: string; onend: (() => void) | null }) => void this.spoken.push(u);
  cancel = vi.fn();
}

class FakeUtterance {
  voice: unknown = null;
  lang = '';
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(public text: string) {}
}

beforeEach(() => {
  localStorage.clear();
  document.documentElement.style.removeProperty('--text-scale');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the guide in English', () => {
  it('shows the title, the facts date, a table of contents and all eight sections', async () => {
    const { container } = await renderGuide();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(english.title);
    // Honest about how: compared with stored copies of dated sources, and which brochure edition wins.
    expectShown(screen.getByText(/^Facts compared on December 4, 2026 with copies of official sources dated 2012 to 2024\. The two editions .* We follow the newer edition/));

    const toc = screen.getByRole('navigation', { name: 'Contents' });
    const links = within(toc).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(SECTION_IDS.map((id) => `#${id}`));
    expect(links.map((a) => a.textContent)).toEqual(english.sections.map((s) => s.title));

    const sections = [...container.querySelectorAll('section.guide-section')];
    expect(sections.map((s) => s.id)).toEqual(SECTION_IDS);
    for (const s of sections) {
      const heading = document.getElementById(s.getAttribute('aria-labelledby')!);
      expect(heading?.tagName, s.id).toBe('H2');
      expect(s.contains(heading), s.id).toBe(true);
    }
    await waitFor(() => expect(document.title).toContain(english.title));
  });

  it('fills in facts and leaves no placeholder on the page', async () => {
    const { container } = await renderGuide();
    expect(container.innerHTML).not.toContain('{{');
    const contact = container.querySelector('#contact-and-privacy')!;
    expect(contact.querySelector('a[href="tel:+12023578100"]')?.textContent).toBe('202-357-8100');
    expect(contact.querySelector('a[href="mailto:cisombudsman@hq.dhs.gov"]')?.getAttribute('dir')).toBe('ltr');
    expect(contact.querySelector('.fact--address')?.textContent).toContain('Mail Stop 0180');
  });

  it('links its actions into the request form and the screener', async () => {
    const { i18n } = await renderGuide();
    const request = screen.getByRole('link', { name: i18n.t('guide.action.startRequest') });
    expect(request.getAttribute('href')).toBe('/requests/new');
    expect(request.closest('section')?.id).toBe('how-to-ask');
    expect(screen.getByRole('link', { name: i18n.t('guide.action.startScreener') }).getAttribute('href')).toBe('/screener');
  });

  it('shows no translation notice in English', async () => {
    const { i18n } = await renderGuide();
    expect(screen.queryByText(i18n.t('guide.communityTranslation'))).toBeNull();
    expect(screen.queryByText(i18n.t('guide.fallback'))).toBeNull();
  });
});

describe('deep links', () => {
  it('focus the section named in the URL once the content is in', async () => {
    await renderGuide({ path: '/guide#how-to-ask' });
    await waitFor(() => expect(document.activeElement?.id).toBe('how-to-ask'));
  });

  it('follow in-page links to a section', async () => {
    await renderGuide();
    history.replaceState(null, '', '/guide#your-voice');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(document.activeElement?.id).toBe('your-voice');
  });

  it('scroll smoothly while the guide is open, by a class on <html> that leaves with it', async () => {
    const { unmount } = await renderGuide();
    expect(document.documentElement.classList.contains(SMOOTH_SCROLL_CLASS)).toBe(true);
    unmount();
    await waitFor(() => expect(document.documentElement.classList.contains(SMOOTH_SCROLL_CLASS)).toBe(false));
  });
});

describe('sections after the first', () => {
  const sectionsIn = () => [...document.querySelectorAll('section.guide-section')].map((s) => s.id);
  const laidOutLater = () => [...document.querySelectorAll('section.guide-section--later')].map((s) => s.id);
  const firstIn = (options: Parameters<typeof renderWithI18n>[1] = {}) => {
    const result = renderWithI18n(<GuideView />, { locale: 'en', path: '/guide', ...options });
    return result.findAllByRole('region').then(() => result);
  };

  it('go in one per frame after the first render, without a tap', async () => {
    const { container } = await firstIn();
    // The first render writes the top only: a short task where a tap would wait.
    expect(sectionsIn()).toEqual(SECTION_IDS.slice(0, 1));
    await allSectionsIn(container);
    expect(sectionsIn()).toEqual(SECTION_IDS);
    // Those added after the first render are laid out when they near the view.
    expect(laidOutLater()).toEqual(SECTION_IDS.slice(1));
  });

  it('are written at once up to the one a link names', async () => {
    const last = SECTION_IDS.length - 2;
    await firstIn({ path: `/guide#${SECTION_IDS[last]}` });
    expect(sectionsIn()).toEqual(SECTION_IDS.slice(0, last + 1));
    // The sections above the one named are laid out at once: the jump lands on the text itself.
    expect(laidOutLater()).toEqual([]);
    await waitFor(() => expect(document.activeElement?.id).toBe(SECTION_IDS[last]));
  });

  it('are all written when an in-page link names one not yet in, and the link is followed', async () => {
    await firstIn();
    const last = SECTION_IDS[SECTION_IDS.length - 1]!;
    history.replaceState(null, '', `/guide#${last}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(document.activeElement?.id).toBe(last));
    expect(sectionsIn()).toEqual(SECTION_IDS);
    // A jump lays out every section first.
    expect(document.querySelector('.guide__body')!.hasAttribute('data-whole')).toBe(true);
  });

  it('are all in the page before it is printed', async () => {
    const printed: string[][] = [];
    vi.stubGlobal('print', () => printed.push(sectionsIn()));
    const { i18n } = await firstIn();
    fireEvent.click(screen.getByRole('button', { name: i18n.t('guide.print') }));
    await waitFor(() => expect(printed).toEqual([SECTION_IDS]));
  });
});

describe('text size', () => {
  it('changes with A−/A+, is applied on <html> and remembered', async () => {
    const first = await renderGuide();
    const larger = screen.getByRole('button', { name: 'Larger text' });
    fireEvent.click(larger);
    fireEvent.click(larger);
    expect(localStorage.getItem(TEXT_SCALE_KEY)).toBe('1.25');
    expect(document.documentElement.style.getPropertyValue('--text-scale')).toBe('1.25');
    expect(screen.getByRole('group', { name: 'Text size' }).querySelector('output')?.textContent).toBe('125%');
    first.unmount();

    await renderGuide();
    expect(screen.getByRole('group', { name: 'Text size' }).querySelector('output')?.textContent).toBe('125%');
    fireEvent.click(screen.getByRole('button', { name: 'Smaller text' }));
    expect(localStorage.getItem(TEXT_SCALE_KEY)).toBe('1.125');
    // Back at the normal size, the stylesheet's own value holds: nothing is left on <html>.
    fireEvent.click(screen.getByRole('button', { name: 'Smaller text' }));
    expect(localStorage.getItem(TEXT_SCALE_KEY)).toBe('1');
    expect(screen.getByRole('group', { name: 'Text size' }).querySelector('output')?.textContent).toBe('100%');
    expect(document.documentElement.getAttribute('style') ?? '').not.toContain('--text-scale');
  });

  it('stops at the smallest size', async () => {
    localStorage.setItem(TEXT_SCALE_KEY, '0.875');
    await renderGuide();
    expect((screen.getByRole('button', { name: 'Smaller text' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('read aloud', () => {
  it('is not offered without speech synthesis', async () => {
    expect('speechSynthesis' in window).toBe(false);
    const { i18n } = await renderGuide();
    expect(screen.queryByRole('button', { name: i18n.t('guide.readAloud.all') })).toBeNull();
    expect(screen.queryByRole('button', { name: /Read aloud/ })).toBeNull();
  });

  it('is not offered when no voice speaks the language', async () => {
    const synth = new FakeSynth();
    synth.voices = [{ lang: 'fr-FR', name: 'Amélie' }];
    vi.stubGlobal('speechSynthesis', synth);
    vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
    const { i18n } = await renderGuide();
    expect(screen.queryByRole('button', { name: i18n.t('guide.readAloud.all') })).toBeNull();
  });

  it('appears when a matching voice loads, reads a section or the whole guide, and stops', async () => {
    const synth = new FakeSynth();
    vi.stubGlobal('speechSynthesis', synth);
    vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
    const { i18n } = await renderGuide();
    expect(screen.queryByRole('button', { name: i18n.t('guide.readAloud.all') })).toBeNull();

    // Voices arrive late, as in Chromium.
    synth.voices = [{ lang: 'en_GB', name: 'Daniel' }, { lang: 'en-US', name: 'Samantha', localService: true }];
    synth.dispatchEvent(new Event('voiceschanged'));
    const all = await screen.findByRole('button', { name: i18n.t('guide.readAloud.all') });

    const sectionTitle = english.sections[4]!.title;
    fireEvent.click(screen.getByRole('button', { name: i18n.t('guide.readAloud.section', { section: sectionTitle }) }));
    expect(synth.spoken[0]!.text).toBe(sectionTitle);
    expect(synth.spoken.every((u) => u.lang === 'en-US')).toBe(true);
    expect(synth.spoken.some((u) => u.text.includes('three steps'))).toBe(true);
    // The button inside the section is not read out.
    expect(synth.spoken.some((u) => u.text === i18n.t('guide.action.startRequest'))).toBe(false);

    const stops = screen.getAllByRole('button', { name: i18n.t('guide.readAloud.stop') });
    expect(stops).toHaveLength(2);
    fireEvent.click(stops[0]!);
    expect(synth.cancel).toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: i18n.t('guide.readAloud.stop') })).toBeNull();

    synth.spoken = [];
    fireEvent.click(all);
    expect(synth.spoken[0]!.text).toBe(english.sections[0]!.title);
    expect(synth.spoken.some((u) => u.text === english.sections[7]!.title)).toBe(true);
    // The end of the last piece ends the reading.
    synth.spoken.at(-1)!.onend?.();
    await waitFor(() => expect(screen.queryByRole('button', { name: i18n.t('guide.readAloud.stop') })).toBeNull());
  });
});

describe('share', () => {
  it('uses the Web Share API when there is one', async () => {
    const share = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { share }));
    await renderGuide();
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(share).toHaveBeenCalledWith({ title: english.title, url: `${location.origin}/guide` }));
  });

  it('falls back to copying the link, and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { share: undefined, clipboard: { writeText } }));
    const { i18n } = await renderGuide();
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    expectShown(await screen.findByText(i18n.t('guide.share.copied')));
    expect(writeText).toHaveBeenCalledWith(`${location.origin}/guide`);
  });

  it('offers a selected text field when the clipboard is refused too', async () => {
    const writeText = vi.fn().mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { share: undefined, clipboard: { writeText } }));
    const { i18n } = await renderGuide();
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    const field = (await screen.findByLabelText(i18n.t('guide.share.manual'))) as HTMLInputElement;
    expect(field.value).toBe(`${location.origin}/guide`);
    await waitFor(() => expect(document.activeElement).toBe(field));
  });
});

describe('other languages', () => {
  const loaders = {
    '/locales/en/guide.md': () => Promise.resolve(english),
    '/locales/ar/guide.md': () => Promise.resolve(arabic),
  };

  it('marks a translation as a community translation and shows English on request without changing the app language', async () => {
    const setLocale = vi.fn();
    const { i18n, container } = await renderGuide({ locale: 'ar', setLocale }, makeGuideLoader(loaders));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(arabic.title);
    expectShown(screen.getByText(i18n.t('guide.communityTranslation')));
    const site = screen.getByRole('link', { name: i18n.t('guide.officialWebsite') });
    expect(site.getAttribute('href')).toBe('https://www.dhs.gov/topic/cis-ombudsman');
    // The phone number stays left-to-right inside Arabic text.
    expect(container.querySelector('#what-it-is a[href^="tel:"]')?.getAttribute('dir')).toBe('ltr');

    const toggle = screen.getByRole('button', { name: i18n.t('guide.showEnglish') });
    toggle.focus();
    fireEvent.click(toggle);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(english.title));
    // Focus stays on the same button, which now leads back.
    expect(document.activeElement?.textContent).toBe(i18n.t('guide.showTranslation', { language: 'العربية' }));
    const h1 = screen.getByRole('heading', { level: 1 });
    expect(h1.getAttribute('lang')).toBe('en');
    expect(h1.getAttribute('dir')).toBe('ltr');
    expect(container.querySelector('#how-to-ask')?.getAttribute('lang')).toBe('en');
    expectShown(screen.getByText(i18n.t('guide.englishEdition')));
    expect(setLocale).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: i18n.t('guide.showTranslation', { language: 'العربية' }) }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(arabic.title));
    // Never lang="": that tells a screen reader the language is unknown.
    expect(screen.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('ar');
    expect(container.querySelector('#how-to-ask')?.getAttribute('lang')).toBe('ar');
  });

  it('shows English with a notice when the language chunk fails to load', async () => {
    const evicted = makeGuideLoader({ ...loaders, '/locales/ar/guide.md': () => Promise.reject(new TypeError('Failed to fetch')) });
    const { i18n, container } = await renderGuide({ locale: 'ar' }, evicted);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(english.title);
    expectShown(screen.getByText(i18n.t('guide.fallback')));
    expect(container.querySelectorAll('section.guide-section')).toHaveLength(8);
    expect(container.querySelector('#what-it-is')?.getAttribute('dir')).toBe('ltr');
  });

  it('shows English with a notice for a language with no guide yet', async () => {
    const { i18n } = await renderGuide({ locale: 'ht' }, makeGuideLoader(loaders));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(english.title);
    expectShown(screen.getByText(i18n.t('guide.fallback')));
  });

  it('says so and offers a retry when not even English loads', async () => {
    let calls = 0;
    const flaky = makeGuideLoader({
      '/locales/en/guide.md': () => (++calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(english)),
    });
    const result = renderWithI18n(<GuideView load={flaky} />, { path: '/guide' });
    const alert = await result.findByRole('alert');
    expect(alert.textContent).toBe(result.i18n.t('guide.loadError'));
    fireEvent.click(screen.getByRole('button', { name: result.i18n.t('guide.retry') }));
    await result.findAllByRole('region');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(english.title);
  });
});
