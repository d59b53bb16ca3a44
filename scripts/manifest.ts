import type { ManifestOptions } from 'vite-plugin-pwa';

/** The web app manifest: what a phone shows when the app is installed. */
export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'CIS Ombudsman Help',
  short_name: 'Ombudsman',
  description:
    'How the CIS Ombudsman can help with a USCIS problem: a guide in many languages, a self-check, and case-assistance requests that work offline.',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  background_color: '#ffffff',
  theme_color: '#1d4f91',
  lang: 'en',
  categories: ['government', 'utilities'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  ],
};
