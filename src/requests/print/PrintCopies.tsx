/**
 * What prints for a request: the person's copy in their language, then
 * (unless that is English) a complete English copy for the office on a new
 * page; on every page the person's name and A-number at the top and
 * "Page X of Y" at the bottom.
 */
import { useEffect, useState } from 'preact/hooks';
import { I18nProvider, useI18n, type I18n } from '../../i18n/context';
import { DEFAULT_LOCALE } from '../../i18n/locales';
import { displayANumber, requesterName } from '../display';
import { isCompany } from '../form-model';
import { PrintedCopy, type CopyProps } from './PrintedCopy';
import { loadEnglish } from './english';
import { pageCounterContent, setPrintMargins } from './print-header';

// The English chunks are the ones every language loads beside itself, so by
// the time this screen's strings are in, English is in the module cache: a
// failure here would mean the app's own strings failed too.
type English = { state: 'loading' } | { state: 'ready'; i18n: I18n } | { state: 'failed' };

function useEnglish(needed: boolean): English {
  const [english, setEnglish] = useState<English>({ state: 'loading' });
  useEffect(() => {
    if (!needed) return;
    let live = true;
    loadEnglish().then(
      (i18n) => live && setEnglish({ state: 'ready', i18n }),
      () => live && setEnglish({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [needed]);
  return english;
}

export function PrintCopies(props: Omit<CopyProps, 'english'>) {
  const { t, locale } = useI18n();
  const needsEnglish = locale !== DEFAULT_LOCALE;
  const english = useEnglish(needsEnglish);
  const p = props.form.person;
  const who = [requesterName(p, locale), !isCompany(props.form) && p.aNumber.trim() ? displayANumber(p.aNumber) : ''].filter(Boolean).join(' · ');
  const englishT = english.state === 'ready' ? english.i18n.t : null;

  useEffect(() => {
    const own = pageCounterContent((v) => t('request.print.pageOf', v));
    const pages = englishT ? `${own} " · " ${pageCounterContent((v) => englishT('request.print.pageOf', v))}` : own;
    return setPrintMargins(who, pages);
  }, [who, t, englishT]);

  return (
    <div class="pf-copies">
      <PrintedCopy {...props} />
      {needsEnglish && english.state === 'ready' && (
        <I18nProvider value={english.i18n}>
          <PrintedCopy {...props} english />
        </I18nProvider>
      )}
    </div>
  );
}
