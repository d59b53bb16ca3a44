import { createApp } from './app';
import { openIntake } from './intake-setup';
import { readSettings } from './settings';
import { log } from './log';
import { listen } from './listen';

const settings = readSettings();
if (process.env.INTAKE_TOKEN && !settings.intakeToken) {
  // A token too short to be safe keeps the staff routes off; say so rather than fail silently.
  log.info('staff_routes_off', { reason: 'INTAKE_TOKEN shorter than 16 characters' });
}
// An unreachable database, a schema newer than this code or a bad key setup stops the server at start.
const deps = await openIntake(settings).catch((err: unknown) => {
  log.error('startup', err);
  console.error(`intake server not started: ${err instanceof Error ? err.message : 'unknown error'}`);
  process.exit(1);
});
const { db } = deps;
const app = createApp(deps);

const server = listen(app, settings, (port) => {
  // Tests and the bench read this line to learn the port when PORT=0.
  console.log(`listening on http://localhost:${port}`);
  log.info('started', { port, host: settings.host, trustProxyHops: settings.trustProxyHops });
});

function shutdown(signal: string) {
  log.info('stopping', { signal });
  server.close(() => {
    void db.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
