import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import type { Catalog } from '../i18n/catalog';
import { I18nProvider, makeI18n } from '../i18n/context';
import { RouteFocus } from '../ui/RouteFocus';
import { createApi, type Api } from './api';
import { StaffContext, hasRole, rememberReturn, takeReturn } from './context';
import type { Session } from './types';
import { ROLE_LABEL } from './text';
import { SignIn } from './SignIn';
import { Enrol } from './Enrol';
import { Inbox } from './Inbox';
import { RequestView } from './RequestView';
import { PrintView } from './PrintView';
import { AuditLog } from './AuditLog';
import { StaffAccounts } from './StaffAccounts';
import { EventCountsView } from './EventCountsView';
import { FeedbackView } from './FeedbackView';
import { NotFound } from './NotFound';
import { MyAccount } from './MyAccount';

export interface StaffAppProps {
  /** The English catalogue the applicant's form uses: the request's labels come from it. */
  messages: Catalog;
  fetch?: typeof fetch;
}

export function StaffApp(props: StaffAppProps) {
  const i18n = useMemo(() => makeI18n('en', props.messages), [props.messages]);
  return (
    <I18nProvider value={i18n}>
      <LocationProvider>
        <Console fetch={props.fetch} />
        <RouteFocus />
      </LocationProvider>
    </I18nProvider>
  );
}

function Console(props: { fetch?: typeof fetch | undefined }) {
  const { path, url, route } = useLocation();
  // undefined: still asking the server whether a session is open.
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const api: Api = useMemo(
    () =>
      createApi({
        ...(props.fetch ? { fetch: props.fetch } : {}),
        csrf: () => sessionRef.current?.csrf ?? null,
        onUnauthenticated: () => {
          rememberReturn(location.pathname + location.search);
          setSession(null);
        },
      }),
    [],
  );
  const enrolling = path.startsWith('/staff/enrol');

  useEffect(() => {
    if (enrolling || session !== undefined) return;
    api.get<Session>('session').then(setSession, () => setSession(null));
  }, [enrolling]);

  useEffect(() => {
    if (session === null && !enrolling && !path.startsWith('/staff/signin')) {
      rememberReturn(url);
      route('/staff/signin', true);
    } else if (session && path.startsWith('/staff/signin')) route(takeReturn(), true);
  }, [session, path]);

  if (enrolling) return <Enrol api={api} />;
  if (session === undefined) {
    return (
      <main id="main" class="staff-main">
        <p role="status">Checking your session…</p>
      </main>
    );
  }
  if (session === null) {
    return (
      <SignIn api={api} onSignedIn={setSession} />
    );
  }
  const { me } = session;
  const signOut = async () => {
    await api.send('DELETE', 'session').catch(() => {});
    setSession(null);
    route('/staff/signin');
  };
  return (
    <StaffContext.Provider value={{ me, api }}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="staff-header">
        <p class="staff-header__name">Office console</p>
        <nav aria-label="Console">
          <ul>
            <li>
              <a href="/staff" aria-current={path === '/staff' ? 'page' : undefined}>
                Inbox
              </a>
            </li>
            {hasRole(me, 'supervisor') && (
              <>
                <li>
                  <a href="/staff/events" aria-current={path === '/staff/events' ? 'page' : undefined}>
                    Event counts
                  </a>
                </li>
                <li>
                  <a href="/staff/feedback" aria-current={path === '/staff/feedback' ? 'page' : undefined}>
                    Feedback
                  </a>
                </li>
                <li>
                  <a href="/staff/audit" aria-current={path === '/staff/audit' ? 'page' : undefined}>
                    Audit log
                  </a>
                </li>
              </>
            )}
            <li>
              <a href="/staff/account" aria-current={path === '/staff/account' ? 'page' : undefined}>
                My account
              </a>
            </li>
            {hasRole(me, 'admin') && (
              <li>
                <a href="/staff/accounts" aria-current={path === '/staff/accounts' ? 'page' : undefined}>
                  Staff accounts
                </a>
              </li>
            )}
          </ul>
        </nav>
        <p class="staff-header__me">
          {me.email} ({ROLE_LABEL[me.role]})
        </p>
        <button type="button" class="staff-button staff-button--quiet" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main id="main" class="staff-main">
        <Router>
          <Route path="/staff" component={Inbox} />
          <Route path="/staff/requests/:id" component={RequestView} />
          <Route path="/staff/requests/:id/print" component={PrintView} />
          <Route path="/staff/audit" component={AuditLog} />
          <Route path="/staff/accounts" component={StaffAccounts} />
          <Route path="/staff/events" component={EventCountsView} />
          <Route path="/staff/feedback" component={FeedbackView} />
          <Route path="/staff/account" component={MyAccount} />
          <Route default component={NotFound} />
        </Router>
      </main>
    </StaffContext.Provider>
  );
}
