/**
 * What the office sets in /config.json reaches the screens: its own contact
 * facts (with its own date and source, said out loud) in the guide and the
 * screener's referrals, and its service notice above every screen.
 */
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/preact';
import { compileGuide, type CompiledGuide } from '../../scripts/locale-content';
import GuideView from '../../src/guide/GuideView';
import { ServiceNotice } from '../../src/app/ServiceNotice';
import { About } from '../../src/settings/About';
import { renderWithI18n } from './render-with-app';
import { readFileSync } from '../unit/node-fs';
import { allSectionsIn } from './guide-sections';

const english: CompiledGuide = compileGuide(readFileSync('locales/en/guide.md', 'utf8'));
const factOverrides = { ombudsmanPhone: { value: '202-555-0147', source: 'Office notice 2027-01', checked: '2027-01-05' } };
const notice = { text: { en: 'The office is not taking mail until March 31.', es: 'La oficina no recibe correo hasta el 31 de marzo.' } };

describe("the office's contact facts", () => {
  it("show in the guide instead of the published ones, with the office's date and source", async () => {
    renderWithI18n(<GuideView load={async () => ({ locale: 'en', guide: english, fellBack: false })} />, {
      path: '/guide',
      config: { factOverrides },
    });
    // The whole text, before looking through it.
    await allSectionsIn();
    const links = screen.getAllByRole('link').filter((a) => a.getAttribute('href')?.startsWith('tel:+1202'));
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) expect(a.getAttribute('href')).toBe('tel:+12025550147');
    expect(document.body.textContent).not.toContain('202-357-8100');
    const note = document.querySelector('.fact-overrides li')!;
    expect(note.textContent).toBe('202-555-0147: changed by the office that runs this app, checked on January 5, 2027. Source: Office notice 2027-01');
  });

  it('are listed with their own date in Settings', () => {
    renderWithI18n(<About />, { path: '/settings', config: { factOverrides } });
    expect(screen.getByText(/202-555-0147/).closest('li')!.textContent).toContain('checked on January 5, 2027');
  });

  it('leave the published facts and no note when the office changed nothing', async () => {
    renderWithI18n(<GuideView load={async () => ({ locale: 'en', guide: english, fellBack: false })} />, { path: '/guide' });
    await allSectionsIn();
    expect(document.body.textContent).toContain('202-357-8100');
    expect(document.querySelector('.fact-overrides')).toBeNull();
  });
});

describe("the office's service notice", () => {
  it('is a labelled region with a heading, in the language the office wrote', () => {
    renderWithI18n(<ServiceNotice />, { locale: 'es', config: { serviceNotice: notice } });
    const region = screen.getByRole('region', { name: 'Aviso de la oficina' });
    expect(within(region).getByRole('heading', { level: 2 }).textContent).toBe('Aviso de la oficina');
    const text = within(region).getByText(notice.text.es);
    expect(text.getAttribute('lang')).toBe('es');
  });

  it('falls back to English, marked as English and left-to-right, in a language the office did not write', () => {
    renderWithI18n(<ServiceNotice />, { locale: 'ar', config: { serviceNotice: notice } });
    const region = screen.getByRole('region', { name: 'إشعار من المكتب' });
    const text = within(region).getByText(notice.text.en);
    expect([text.getAttribute('lang'), text.getAttribute('dir')]).toEqual(['en', 'ltr']);
  });

  it('stops after its last day, even from a cached copy', () => {
    const dated = { ...notice, until: '2027-03-31' };
    const { unmount } = renderWithI18n(<ServiceNotice now={new Date(2027, 2, 31, 23, 0)} />, { config: { serviceNotice: dated } });
    expect(screen.getByRole('region', { name: 'Notice from the office' })).toBeTruthy();
    unmount();
    renderWithI18n(<ServiceNotice now={new Date(2027, 3, 1, 0, 30)} />, { config: { serviceNotice: dated } });
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('is absent when the office set none', () => {
    renderWithI18n(<ServiceNotice />);
    expect(screen.queryByRole('region')).toBeNull();
  });
});
