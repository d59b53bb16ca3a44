import { createApp } from './app';
import { openDatabase } from './db';
import { readSettings } from './settings';
import { log } from './log';
import { keyRingFor } from './keys';
import { listen } from './listen';

const settings = readSettings();
if (process.env.INTAKE_TOKEN && !settings.intakeToken) {
  // A token too short to be safe keeps the staff routes off; say so rather than fail silently.
  log.info('staff_routes_off', { reason: 'INTAKE_TOKEN shorter than 16 characters' });
}
const db = openDatabase(settings.dataDir);
const deps = { settings, db };
const app = createApp(deps);
// A bad sealing-key setup stops the server at start, not at the first request.
await keyRingFor(deps).catch((err) => {
  log.error('keys', err);
  process.exit(1);
});

const server = listen(app, settings, (port) => {
  // Tests and the bench read this line to learn the port when PORT=0.
  console.log(`listening on http://localhost:${port}`);
  log.info('started', { port, host: settings.host, trustProxyHops: settings.trustProxyHops });
});

function shutdown(signal: string) {
  log.info('stopping', { signal });
  server.close(() => {
    db.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
