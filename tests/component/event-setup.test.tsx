import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { renderWithI18n } from './render-with-app';
import { EventSetup } from '../../src/event-mode/EventSetup';
import { ConfigContext } from '../../src/config/config';
import { PUBLIC_CONFIG_DEFAULTS } from '../../src/shared/public-config-defaults';

/** The office's settings as the app holds them: the defaults first, the office's file a moment later. */
let officeSays: (idleSeconds: number) => void = () => {};
function Office(props: { children: ComponentChildren }) {
  const [eventIdleSeconds, set] = useState(PUBLIC_CONFIG_DEFAULTS.eventIdleSeconds);
  officeSays = set;
  return <ConfigContext.Provider value={{ ...PUBLIC_CONFIG_DEFAULTS, eventIdleSeconds }}>{props.children}</ConfigContext.Provider>;
}

const quietMinutes = () => screen.getByLabelText('Minutes without use before the screen clears') as HTMLInputElement;

describe('setting up event mode', () => {
  it("starts from the office's quiet time when its settings come after the screen", async () => {
    renderWithI18n(
      <Office>
        <EventSetup />
      </Office>,
      { path: '/settings' },
    );
    expect(quietMinutes().value).toBe('3');
    await act(() => officeSays(300));
    expect(quietMinutes().value).toBe('5');
  });

  it('keeps what the officer typed when the office’s settings come later', async () => {
    renderWithI18n(
      <Office>
        <EventSetup />
      </Office>,
      { path: '/settings' },
    );
    fireEvent.input(quietMinutes(), { target: { value: '7' } });
    await act(() => officeSays(600));
    expect(quietMinutes().value).toBe('7');
  });
});
