/**
 * The server's only logger. It takes fixed fields, never free text from a
 * request, so personal data cannot reach the logs by accident.
 */
const quiet = process.env.LOG_LEVEL === 'silent';

export const log = {
  info(event: string, fields: Record<string, string | number | boolean> = {}) {
    if (!quiet) console.log(JSON.stringify({ t: new Date().toISOString(), event, ...fields }));
  },
  access(method: string, route: string, status: number, ms: number) {
    if (!quiet && process.env.LOG_ACCESS !== '0') {
      console.log(JSON.stringify({ t: new Date().toISOString(), event: 'http', method, route, status, ms: Math.round(ms) }));
    }
  },
  /** Errors are logged by name and stack only; messages may quote input. */
  error(event: string, err: unknown) {
    const e = err instanceof Error ? err : new Error('non-error thrown');
    console.error(JSON.stringify({ t: new Date().toISOString(), event, name: e.name, stack: e.stack?.split('\n').slice(1, 6).join(' | ') }));
  },
};
