import { useI18n } from '../i18n/context';
import { useTitle } from './useTitle';
import { EventPart, useEventModeOn } from './event-slot';

const PARTS = [
  { href: '/guide', title: 'home.guide.title', body: 'home.guide.body', icon: '📖' },
  { href: '/screener', title: 'home.screener.title', body: 'home.screener.body', icon: '✔' },
  { href: '/requests', title: 'home.requests.title', body: 'home.requests.body', icon: '✉' },
  { href: '/settings', title: 'home.settings.title', body: 'home.settings.body', icon: '⚙' },
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
              <span class="card__icon" aria-hidden="true">
                {p.icon}
              </span>
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
