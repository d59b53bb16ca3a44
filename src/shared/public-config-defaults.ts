/**
 * What the page assumes until `/config.json` has been read, and whenever it
 * cannot be: the schema (public-config.ts) takes its defaults from here.
 * A module of its own so the first screen carries no validator: the file is
 * read, and validated, once the page is idle.
 */
export const PUBLIC_CONFIG_DEFAULTS = {
  organizationName: '',
  apiBase: '/api/v1',
  defaultLocale: 'en',
  eventIdleSeconds: 180,
  factOverrides: {},
};
