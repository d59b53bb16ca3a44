/**
 * What the page assumes until `/config.json` has been read, and whenever it
 * cannot be: the schema (public-config.ts) takes its defaults from here.
 * A module of its own so the first screen carries no validator: the file is
 * read, and validated, once the page is idle.
 */
const defaults = {
  organizationName: '',
  apiBase: '/api/v1',
  defaultLocale: 'en',
  eventIdleSeconds: 180,
  // Shared by every reader that falls back to it: frozen, so none can change another's.
  factOverrides: Object.freeze({}),
};

export const PUBLIC_CONFIG_DEFAULTS: Readonly<typeof defaults> = Object.freeze(defaults);
