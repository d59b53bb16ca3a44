/**
 * Office tools for the intake server's data folder (DATA_DIR):
 *
 *   npm run intake -- export --out FILE [--since DATE]
 *       Writes every received request (or those received at or after DATE,
 *       ISO 8601) as JSON Lines: one request per line,
 *       {id, confirmation, receivedAt, formTypes, request, attachments:
 *       [{id, name, type, size, sha256, data}]} with each file's bytes as
 *       base64 in `data`. The file is created with mode 0600 (it holds
 *       personal data) and appears only when complete.
 *
 *   npm run intake -- rotate-key
 *       Makes a new sealing key current; old keys stay for opening requests
 *       already sealed to them. Restart the server afterwards.
 *
 * Output names counts and paths only, never content.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase } from './db';
import { getAttachmentData, iterateRequests } from './intake-store';
import { rotateFileKey } from './keys';
import { readSettings } from './settings';

function usage(): never {
  console.error('usage: npm run intake -- export --out FILE [--since DATE]\n       npm run intake -- rotate-key');
  process.exit(2);
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) usage();
  return value;
}

export function exportRequests(dataDir: string, out: string, since?: string): number {
  const db = openDatabase(dataDir);
  const tmp = `${out}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  let count = 0;
  try {
    for (const r of iterateRequests(db, since)) {
      const attachments = r.attachments.map((a) => ({
        ...a,
        data: getAttachmentData(db, r.id, a.id)?.data.toString('base64') ?? null,
      }));
      writeSync(fd, `${JSON.stringify({ ...r, attachments })}\n`);
      count++;
    }
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, out);
  } catch (err) {
    closeSync(fd);
    unlinkSync(tmp);
    throw err;
  } finally {
    db.close();
  }
  return count;
}

function main(argv: string[]) {
  const [command, ...args] = argv;
  const settings = readSettings();
  if (command === 'export') {
    const out = flag(args, '--out');
    if (!out) usage();
    const sinceRaw = flag(args, '--since');
    let since: string | undefined;
    if (sinceRaw !== undefined) {
      const t = Date.parse(sinceRaw);
      if (!Number.isFinite(t)) usage();
      since = new Date(t).toISOString();
    }
    const count = exportRequests(settings.dataDir, resolve(out), since);
    console.log(`exported ${count} request(s) to ${resolve(out)}`);
    return;
  }
  if (command === 'rotate-key') {
    const kid = rotateFileKey(settings.dataDir);
    console.log(`new current sealing key ${kid}; restart the server to use it`);
    return;
  }
  usage();
}

// Run only as a script, so tests can import exportRequests.
if (process.argv[1] && /cli\.ts$/.test(process.argv[1])) main(process.argv.slice(2));
