/**
 * The shell's hooks into event mode, small enough for the first chunk:
 * whether event mode is on (kept in step with storage), and placeholders
 * that load event mode's parts only when it is on.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { withMessages } from '../i18n/store';
import { readCurrentEventId } from './event-flag';
import { isEventMode, onEventModeChange, setEventModeFlag } from './session';

/** Whether the device is a shared tablet now; checks storage once, then follows changes. */
export function useEventModeOn(): boolean {
  const [on, setOn] = useState(isEventMode);
  useEffect(() => {
    const off = onEventModeChange(setOn);
    // localStorage may have been cleared, or another tab left event mode.
    void readCurrentEventId().then((id) => setEventModeFlag(id !== null));
    return off;
  }, []);
  return on;
}

type Part = 'button' | 'runtime' | 'handoff';

// Event mode's strings live in the settings namespace: load them with the part.
const loaders: Record<Part, () => Promise<ComponentType>> = {
  button: withMessages('settings', () => import('./EventShell').then((m) => m.NextPersonButton)),
  runtime: withMessages('settings', () => import('./EventShell').then((m) => () => <m.EventModeMount />)),
  handoff: withMessages('settings', () => import('./HandOff').then((m) => () => <m.HandOff />)),
};

const loaded: Partial<Record<Part, ComponentType>> = {};

/** Renders a part of event mode once its chunk has loaded (nothing before). */
export function EventPart(props: { part: Part }) {
  const [Component, setComponent] = useState<ComponentType | undefined>(() => loaded[props.part]);
  useEffect(() => {
    if (Component) return;
    let live = true;
    void loaders[props.part]()
      .then((c) => {
        loaded[props.part] = c;
        if (live) setComponent(() => c);
      })
      .catch(() => {
        // Chunk unavailable (offline before the first full visit): the rest of the app still works.
      });
    return () => {
      live = false;
    };
  }, [props.part, Component]);
  return Component ? <Component /> : null;
}
