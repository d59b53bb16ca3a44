import { useI18n } from '../i18n/context';
import { useTitle } from '../ui/useTitle';
import { EventPart, useEventModeOn } from '../event-mode/event-slot';

// Icons drawn inline (24×24 strokes): emoji depend on fonts a cheap phone
// or a kiosk browser may not have.
const ICONS = {
  guide: 'M4 5.5C4 4.7 4.7 4 5.5 4H11v16H5.5c-.8 0-1.5-.7-1.5-1.5zM20 5.5c0-.8-.7-1.5-1.5-1.5H13v16h5.5c.8 0 1.5-.7 1.5-1.5z',
  screener: 'M4 12.5l5 5L20 6.5',
  requests: 'M3.5 6.5h17v11h-17zM3.5 7l8.5 6.5L20.5 7',
  feedback: 'M4 5h16v11H9l-5 4zM8 9h8M8 12h5',
  settings: 'M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zM12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1',
} as const;

const PARTS = [
  { href: '/guide', title: 'home.guide.title', body: 'home.guide.body', icon: ICONS.guide },
  { href: '/screener', title: 'home.screener.title', body: 'home.screener.body', icon: ICONS.screener },
  { href: '/requests', title: 'home.requests.title', body: 'home.requests.body', icon: ICONS.requests },
  { href: '/feedback', title: 'home.feedback.title', body: 'home.feedback.body', icon: ICONS.feedback },
  { href: '/settings', title: 'home.settings.title', body: 'home.settings.body', icon: ICONS.settings },
] as const;

export function Home() {
  const { t } = useI18n();
  useTitle('');
  const eventOn = useEventModeOn();
  return (
    <section class="page home">
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <ul class="cards">
        {PARTS.map((p) => (
          <li key={p.href}>
            <a class="card" href={p.href}>
              <svg class="card__icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
                <path d={p.icon} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
              </svg>
              <span class="card__title">{t(p.title)}</span>
              <span class="card__body">{t(p.body)}</span>
            </a>
          </li>
        ))}
      </ul>
      {eventOn && <EventPart part="handoff" />}
      <p class="fineprint">{t('home.independent')}</p>
    </section>
  );
}
