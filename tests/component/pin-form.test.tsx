import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/preact';
import { renderWithI18n } from './render-with-app';
import { PinForm } from '../../src/event-mode/PinForm';

afterEach(() => {
  vi.useRealTimers();
});

describe('the PIN form after repeated mistakes', () => {
  it('keeps counting down when someone moves the device clock forward', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const check = vi.fn(async () => ({ ok: false as const, reason: 'wrong' as const, waitMs: 30_000, failures: 3 }));
    renderWithI18n(<PinForm id="pin" label="PIN" action="Leave event mode" check={check} onOk={() => {}} />);
    fireEvent.input(await screen.findByLabelText('PIN'), { target: { value: '0000' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Leave event mode' }));
    });
    const button = await screen.findByRole('button', { name: /^Wait \d+ seconds$/ });
    expect(button).toHaveProperty('disabled', true);

    // An hour on the wall clock, one second on the page's own clock.
    vi.setSystemTime(Date.now() + 3_600_000);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    const after = screen.getByRole('button', { name: /^Wait \d+ seconds$/ });
    expect(after).toHaveProperty('disabled', true);
    expect(Number(/\d+/.exec(after.textContent!)![0])).toBeGreaterThan(25);
  });
});
