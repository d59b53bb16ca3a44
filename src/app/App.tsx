import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router } from 'preact-iso';
import { ALL_NAMESPACES, type LoadedCatalog } from '../i18n/catalog';
import { currentCatalog, ensureAllNamespaces, subscribeCatalog, switchLocale } from '../i18n/store';
import { I18nProvider, makeI18n } from '../i18n/context';
import type { PublicConfig } from '../shared/public-config';
import { PUBLIC_CONFIG_DEFAULTS } from '../shared/public-config-defaults';
import { probeStorage } from '../storage/db';
import { applyDocumentLocale } from './boot';
import { whenIdle } from './when-idle';
import { rememberLocale } from '../i18n/remembered-locale';
import { ConfigContext, followPublicConfig } from '../config/config';
import { Header } from './Header';
import { LazyUnsentBadge } from './LazyBadge';
import { Home } from './Home';
import { NotFound } from './NotFound';
import { OfflineReadyNote, UpdatePrompt } from './UpdatePrompt';
import { Notices } from './Notices';
import { ServiceNotice } from './ServiceNotice';
import { FactOverridesContext } from '../facts/facts-context';
import { RouteFocus } from '../ui/RouteFocus';
import { EventPart, useEventModeOn } from '../event-mode/event-slot';
import { FeedbackView, GuideView, RequestsView, ScreenerView, SettingsView, StatusView } from './screens';

function isComplete(catalog: LoadedCatalog): boolean {
  return catalog.namespaces.length >= ALL_NAMESPACES.length;
}

export function App(props: { initial: LoadedCatalog }) {
  const [catalog, setCatalog] = useState(props.initial);
  const [config, setConfig] = useState<PublicConfig>(PUBLIC_CONFIG_DEFAULTS);
  const [storageOk, setStorageOk] = useState(true);
  const eventOn = useEventModeOn();

  const setLocale = useCallback(async (code: string) => {
    const next = await switchLocale(code);
    if (next && !next.fellBack) rememberLocale(next.locale);
  }, []);

  const i18n = useMemo(() => makeI18n(catalog.locale, catalog.messages, (code) => void setLocale(code), isComplete(catalog)), [catalog, setLocale]);
  const shown = useRef({ catalog, i18n });
  shown.current = { catalog, i18n };

  useEffect(() => {
    // Usually the office's settings are what the app already holds: the same
    // again must not render every screen again (a whole guide, on a phone).
    // Once the first screen is up: a request for them before its paint is
    // one more the first screen waits behind on a weak link, and the screen
    // is whole without them (the facts, a notice and the API address are
    // corrected in place when they come).
    let live = true;
    let stopConfig = () => {};
    void whenIdle().then(() => {
      if (live) stopConfig = followPublicConfig((next) => setConfig((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next)));
    });
    void probeStorage().then(setStorageOk);
    const take = (next: LoadedCatalog) => {
      applyDocumentLocale(next.locale);
      // More strings of the language on screen are taken in without a
      // render when nothing on screen was waiting for them.
      const now = shown.current;
      if (next.locale === now.catalog.locale && next.fellBack === now.catalog.fellBack && now.i18n.widen(next.messages, isComplete(next))) return;
      setCatalog(next);
    };
    const unsubscribe = subscribeCatalog(take);
    // A lazy screen's messages may have arrived (from the worker's cache)
    // before this effect subscribed: take them, or its strings stay blank.
    const now = currentCatalog();
    if (now && now !== props.initial) take(now);
    // Every other screen's strings, once the first screen is up: they are
    // precached, and then any screen and any shell badge renders at once.
    void whenIdle()
      .then(ensureAllNamespaces)
      .catch(() => {});
    return () => {
      live = false;
      unsubscribe();
      stopConfig();
    };
  }, []);

  return (
    <I18nProvider value={i18n}>
      <ConfigContext.Provider value={config}>
        <FactOverridesContext.Provider value={config.factOverrides}>
          <LocationProvider>
            <a class="skip-link" href="#main">
              {i18n.t('shell.skip')}
            </a>
            <Header actions={eventOn ? <EventPart part="button" /> : undefined} navExtra={{ '/requests': <LazyUnsentBadge /> }} />
            <UpdatePrompt />
            <ServiceNotice />
            <Notices localeFellBack={catalog.fellBack} storageOk={storageOk} />
            <main id="main" tabIndex={-1}>
              <RouteFocus />
              <ErrorBoundary>
                <Router>
                  <Route path="/" component={Home} />
                  <Route path="/guide" component={GuideView} />
                  <Route path="/screener" component={ScreenerView} />
                  <Route path="/requests/*" component={RequestsView} />
                  <Route path="/requests" component={RequestsView} />
                  <Route path="/settings" component={SettingsView} />
                  <Route path="/status" component={StatusView} />
                  <Route path="/status/*" component={StatusView} />
                  <Route path="/feedback" component={FeedbackView} />
                  <Route default component={NotFound} />
                </Router>
              </ErrorBoundary>
            </main>
            <OfflineReadyNote />
            {eventOn && <EventPart part="runtime" />}
          </LocationProvider>
        </FactOverridesContext.Provider>
      </ConfigContext.Provider>
    </I18nProvider>
  );
}
