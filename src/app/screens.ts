import { lazy } from 'preact-iso';
import { withMessages } from '../i18n/store';

// Each screen is its own chunk with its own messages: the home screen
// loads only the shell.
export const GuideView = lazy(withMessages('guide', () => import('../guide/GuideView')));
export const ScreenerView = lazy(withMessages('screener', () => import('../screener/ScreenerView')));
export const RequestsView = lazy(withMessages('requests', () => import('../requests/RequestsView')));
export const SettingsView = lazy(withMessages('settings', () => import('../settings/SettingsView')));
export const StatusView = lazy(withMessages('status', () => import('../status/StatusView')));
export const FeedbackView = lazy(withMessages('feedback', () => import('../feedback/FeedbackView')));

/**
 * Loads what the screen a page opens on needs (its code and strings, and
 * for the guide its text in `code`), beside the shell's strings. The app's
 * first render waits for it (boot.ts), so it shows that screen whole: a
 * screen still loading would render the shell around an empty <main>
 * (the guide's text, there in the document, gone for a moment), then the
 * screen, then its text, each a render and a layout of its own.
 */
export function preloadScreen(path: string, code: string): Promise<unknown> {
  if (path.startsWith('/guide')) return Promise.all([GuideView.preload(), import('../guide/load').then((m) => m.loadGuide(code))]);
  if (path.startsWith('/screener')) return ScreenerView.preload();
  if (path.startsWith('/requests')) return RequestsView.preload();
  if (path.startsWith('/settings')) return SettingsView.preload();
  if (path.startsWith('/status')) return StatusView.preload();
  if (path.startsWith('/feedback')) return FeedbackView.preload();
  return Promise.resolve();
}
