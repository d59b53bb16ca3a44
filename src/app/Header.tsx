import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useI18n } from '../i18n/context';
import { useConfig } from '../config/config';
import { LanguagePicker } from '../ui/LanguagePicker';
import { useOnline } from './useOnline';
import { BRAND_MARK } from './brand-mark';

const NAV = [
  { href: '/guide', id: 'nav.guide' },
  { href: '/screener', id: 'nav.screener' },
  { href: '/requests', id: 'nav.requests' },
  { href: '/settings', id: 'nav.settings' },
] as const;

export function Header(props: { navExtra?: Record<string, ComponentChildren>; actions?: ComponentChildren }) {
  const { t } = useI18n();
  const { organizationName } = useConfig();
  const { path } = useLocation();
  const online = useOnline();
  return (
    <header class="site-header">
      <div class="site-header__bar">
        <a href="/" class="brand">
          <span class="brand__mark" aria-hidden="true" dangerouslySetInnerHTML={{ __html: BRAND_MARK }} />
          <span class="brand__text">
            <span class="brand__name">{t('app.name')}</span>
            {organizationName && <span class="brand__org">{organizationName}</span>}
          </span>
        </a>
        <div class="site-header__tools">
          <span class={`net-status ${online ? 'net-status--online' : 'net-status--offline'}`} role="status">
            <span class="net-status__dot" aria-hidden="true" />
            {t(online ? 'shell.online' : 'shell.offline')}
          </span>
          {props.actions}
          <LanguagePicker />
        </div>
      </div>
      <nav class="site-nav" aria-label={t('nav.label')}>
        <ul>
          {NAV.map((item) => {
            const current = path === item.href || path.startsWith(item.href + '/');
            return (
              <li key={item.href}>
                <a href={item.href} aria-current={current ? 'page' : undefined}>
                  {t(item.id)}
                  {props.navExtra?.[item.href]}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}
