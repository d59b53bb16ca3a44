/**
 * Office tools for the intake server (same DATA_DIR / DATABASE_URL / key settings as the server):
 *
 *   npm run intake -- export --out FILE [--since DATE]
 *       Writes every received request (or those received at or after DATE,
 *       ISO 8601), in receipt order, as JSON Lines: one request per line,
 *       {id, confirmation, receivedAt, formTypes, urgent, language, eventId,
 *       attachmentCount, request, attachments: [{id, name, type, size,
 *       sha256, data}]} with each file's bytes as base64 in `data`. FILE
 *       must not exist: it is created new with mode 0600 (it holds personal
 *       data) and appears only when complete.
 *
 *   npm run intake -- rotate-key
 *       Makes a new sealing key current; old keys stay for opening requests
 *       already sealed to them. Restart the server afterwards.
 *
 *   npm run intake -- rotate-index-key
 *       Makes a new blind-index key current (DATA_DIR/keys/index-keys); old
 *       ones stay, so requests indexed with them are still found. Restart
 *       the server afterwards. With INDEX_KEYS set, edit that instead.
 *
 * Output names counts and paths only, never content.
 */
import { closeSync, fsyncSync, linkSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AppDeps } from './types';
import { openIntake } from './intake-setup';
import { rotateFileKey } from './keys';
import { rotateIndexKey } from './index-keys';
import { readSettings } from './settings';
import { STAFF_USAGE, staffCommand, StaffUsageError } from './office/cli-staff';

const USAGE = `usage: npm run intake -- export --out FILE [--since DATE]\n       npm run intake -- rotate-key\n       npm run intake -- rotate-index-key\n       ${STAFF_USAGE}`;

/** Streams the export into a new temporary file, then links it into place: never over an existing file. */
export async function exportRequests(deps: Pick<AppDeps, 'store'>, out: string, since?: string): Promise<number> {
  const tmp = `${out}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  let count = 0;
  try {
    let after: string | null = null;
    do {
      const page = await deps.store.list(since ? { from: since } : {}, { limit: 200, after, oldestFirst: true });
      for (const summary of page.requests) {
        const opened = await deps.store.openRequest(summary.id);
        if (!opened) continue;
        const attachments = [];
        for (const a of opened.attachments) {
          const file = await deps.store.openAttachment(summary.id, a.id);
          attachments.push({ ...a, data: file ? Buffer.from(file.data).toString('base64') : null });
        }
        writeSync(fd, `${JSON.stringify({ ...opened, attachments })}\n`);
        count++;
      }
      after = page.next;
    } while (after);
    fsyncSync(fd);
    closeSync(fd);
    linkSync(tmp, out);
    unlinkSync(tmp);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    unlinkSync(tmp);
    throw err;
  }
  return count;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const settings = readSettings();
  if (command === 'export') {
    const { values } = parseArgs({ args: rest, options: { out: { type: 'string' }, since: { type: 'string' } }, strict: true });
    if (!values.out) throw new UsageError();
    let since: string | undefined;
    if (values.since !== undefined) {
      const t = Date.parse(values.since);
      if (!Number.isFinite(t)) throw new UsageError();
      since = new Date(t).toISOString();
    }
    const out = resolve(values.out);
    const deps = await openIntake(settings);
    try {
      const count = await exportRequests(deps, out, since);
      console.log(`exported ${count} request(s) to ${out}`);
    } finally {
      await deps.db.close();
    }
    return 0;
  }
  if (command === 'staff') return staffCommand(rest, settings, (line) => console.log(line));
  if (command === 'rotate-key') {
    parseArgs({ args: rest, options: {}, strict: true });
    const kid = rotateFileKey(settings.dataDir);
    console.log(`new current sealing key ${kid}; restart the server to use it`);
    return 0;
  }
  if (command === 'rotate-index-key') {
    parseArgs({ args: rest, options: {}, strict: true });
    rotateIndexKey(settings.dataDir);
    console.log('new current index key; restart the server to use it (older keys stay, so earlier requests are still found)');
    return 0;
  }
  throw new UsageError();
}

class UsageError extends Error {}

// Run only as a script, so tests can import exportRequests.
if (process.argv[1] && /cli\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      const usage = err instanceof UsageError || err instanceof StaffUsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
      console.error(usage ? USAGE : `intake: ${err instanceof Error ? err.message : 'failed'}`);
      process.exit(2);
    },
  );
}
