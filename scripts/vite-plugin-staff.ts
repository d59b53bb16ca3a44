import type { Plugin } from 'vite';

const STAFF_PATH = /^\/staff(?:[/?#]|$)/;

/**
 * The office console's page: in `vite dev`, /staff and every path below it
 * answer staff.html (as the server does); in the build, staff.html loses the
 * applicant's web app manifest link, so the console is never offered for
 * installing as the applicant's app.
 */
export function staffPagePlugin(): Plugin {
  return {
    name: 'ombuds-staff-page',
    enforce: 'post',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && STAFF_PATH.test(req.url) && !req.url.startsWith('/staff.html')) req.url = '/staff.html';
        next();
      });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        return ctx.filename.endsWith('staff.html') ? html.replace(/\s*<link rel="manifest"[^>]*>/g, '') : html;
      },
    },
  };
}
