import { afterEach, describe, expect, it, vi } from 'vitest';
import { PUBLIC_CONFIG_DEFAULTS } from '../../src/shared/public-config-defaults';

const office = { organizationName: 'Riverside Legal Aid', eventIdleSeconds: 300 };

function serve(res: () => Response | Promise<Response>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => res()),
  );
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.doUnmock('../../src/shared/public-config');
  vi.resetModules();
});

describe("reading the office's /config.json in the page", () => {
  it("gives the office's settings, read by the shared reader", async () => {
    serve(() => Response.json(office));
    const { fetchPublicConfig } = await import('../../src/config/config');
    expect(await fetchPublicConfig()).toEqual({ ...PUBLIC_CONFIG_DEFAULTS, ...office });
  });

  it('gives the defaults when there is no file, no network or no JSON', async () => {
    const { fetchPublicConfig } = await import('../../src/config/config');
    serve(() => new Response('not here', { status: 404 }));
    expect(await fetchPublicConfig()).toEqual(PUBLIC_CONFIG_DEFAULTS);
    serve(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await fetchPublicConfig()).toEqual(PUBLIC_CONFIG_DEFAULTS);
    serve(() => new Response('<html>', { headers: { 'content-type': 'text/html' } }));
    expect(await fetchPublicConfig()).toEqual(PUBLIC_CONFIG_DEFAULTS);
  });

  it("refuses, rather than pass the defaults off as the office's, when its reader cannot load", async () => {
    vi.doMock('../../src/shared/public-config', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    serve(() => Response.json(office));
    const { fetchPublicConfig } = await import('../../src/config/config');
    await expect(fetchPublicConfig()).rejects.toThrow();
  });
});

describe("following the office's settings", () => {
  it('asks again while the reader cannot load, and takes the settings once it does', async () => {
    vi.useFakeTimers();
    let readerFails = true;
    vi.doMock('../../src/shared/public-config', async (original) => {
      if (readerFails) throw new Error('Failed to fetch dynamically imported module');
      return original();
    });
    serve(() => Response.json(office));
    const { followPublicConfig } = await import('../../src/config/config');
    const taken: unknown[] = [];
    const stop = followPublicConfig((config) => taken.push(config), 30_000);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(taken).toEqual([]);
    readerFails = false;
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(taken).toEqual([{ ...PUBLIC_CONFIG_DEFAULTS, ...office }]));
    stop();
  });
});
