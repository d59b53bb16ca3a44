import { useEffect } from 'preact/hooks';
import { useI18n } from '../i18n/context';

/** Sets the tab title from the screen's name; never from anything a person typed. */
export function useTitle(screen: string) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = screen ? `${screen} · ${t('app.name')}` : t('app.name');
  }, [screen, t]);
}
