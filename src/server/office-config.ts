/**
 * What the office may change without a rebuild or a restart: contact facts
 * (each with its own source and date) and a service notice. They come from
 * PUBLIC_CONFIG_JSON (read at start) and DATA_DIR/config.json (read again
 * whenever the file changes, so editing it takes effect on the next page
 * load). The file wins over the environment, fact by fact.
 *
 * A mistake in either never stops the server or the page: bad JSON counts
 * as nothing, a bad entry is dropped (the shared lenient reader), and the
 * log says how many were kept and dropped, so the office can see a typo.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readPublicConfig, type FactOverride, type PublicConfig, type ServiceNotice } from '../shared/public-config';
import { log } from './log';

interface OfficePart {
  factOverrides: Record<string, FactOverride>;
  serviceNotice?: ServiceNotice;
}

const NOTHING: OfficePart = { factOverrides: {} };

function parsePart(text: string, from: 'env' | 'file'): OfficePart {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    log.info('office_config_unreadable', { from });
    return NOTHING;
  }
  const read = readPublicConfig({
    factOverrides: (raw as { factOverrides?: unknown } | null)?.factOverrides,
    serviceNotice: (raw as { serviceNotice?: unknown } | null)?.serviceNotice,
  });
  const given = (raw as { factOverrides?: unknown } | null)?.factOverrides;
  const offered = given && typeof given === 'object' ? Object.keys(given).length : 0;
  const kept = Object.keys(read.factOverrides).length;
  log.info('office_config', { from, factOverrides: kept, dropped: offered - kept, serviceNotice: read.serviceNotice !== undefined });
  return read.serviceNotice ? { factOverrides: read.factOverrides, serviceNotice: read.serviceNotice } : { factOverrides: read.factOverrides };
}

/** Returns the public config to serve now: the base settings with the office's part laid over them. */
export function officeConfigSource(base: PublicConfig, envJson: string | null, dataDir: string): () => PublicConfig {
  const fromEnv = envJson ? parsePart(envJson, 'env') : NOTHING;
  const file = join(dataDir, 'config.json');
  let seen = '';
  let fromFile = NOTHING;
  let merged = merge(base, fromEnv, fromFile);
  return () => {
    let stamp = 'absent';
    try {
      const st = statSync(file);
      stamp = `${st.mtimeMs}:${st.size}`;
    } catch {
      // No file: the environment's part alone.
    }
    if (stamp !== seen) {
      seen = stamp;
      fromFile = stamp === 'absent' ? NOTHING : readPart(file);
      merged = merge(base, fromEnv, fromFile);
    }
    return merged;
  };
}

function readPart(file: string): OfficePart {
  try {
    return parsePart(readFileSync(file, 'utf8'), 'file');
  } catch (err) {
    log.error('office_config_read_failed', err);
    return NOTHING;
  }
}

function merge(base: PublicConfig, env: OfficePart, file: OfficePart): PublicConfig {
  const notice = file.serviceNotice ?? env.serviceNotice;
  const out: PublicConfig = { ...base, factOverrides: { ...env.factOverrides, ...file.factOverrides } };
  if (notice) out.serviceNotice = notice;
  return out;
}
