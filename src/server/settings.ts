import { resolve } from 'node:path';
import { readPublicConfig, type PublicConfig } from '../shared/public-config';

export interface ServerSettings {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… when the intake uses PostgreSQL; null for the SQLite file in dataDir. */
  databaseUrl: string | null;
  distDir: string;
  /** Bearer token for the staff routes; without it they are off. */
  intakeToken: string | null;
  publicConfig: PublicConfig;
  /** Limits, in bytes. */
  maxJsonBytes: number;
  maxAttachmentBytes: number;
  /** Requests per minute per client address on write routes. */
  rateLimitPerMinute: number;
  /** Uploaded files waiting for their request: bytes in all, bytes per client, and how long they wait. */
  pendingMaxBytes: number;
  pendingMaxBytesPerClient: number;
  pendingTtlMs: number;
}

/** Reads settings from the environment, so a deployment needs no rebuild. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): ServerSettings {
  const int = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number`);
    return Math.floor(n);
  };
  return {
    port: int('PORT', 8080),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl: readDatabaseUrl(env.DATABASE_URL),
    distDir: resolve(env.DIST_DIR || './dist'),
    intakeToken: env.INTAKE_TOKEN && env.INTAKE_TOKEN.length >= 16 ? env.INTAKE_TOKEN : null,
    publicConfig: readPublicConfig({
      organizationName: env.ORGANIZATION_NAME,
      apiBase: env.INTAKE_API_BASE,
      defaultLocale: env.DEFAULT_LOCALE,
      eventIdleSeconds: env.EVENT_IDLE_SECONDS ? Number(env.EVENT_IDLE_SECONDS) : undefined,
    }),
    maxJsonBytes: int('MAX_JSON_BYTES', 1024 * 1024),
    maxAttachmentBytes: int('MAX_ATTACHMENT_BYTES', 10 * 1024 * 1024),
    rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 600),
    pendingMaxBytes: int('PENDING_MAX_BYTES', 1024 * 1024 * 1024),
    // Room for two requests' worth of files (25 MiB each, sealed) from one address.
    pendingMaxBytesPerClient: int('PENDING_MAX_BYTES_PER_CLIENT', 64 * 1024 * 1024),
    pendingTtlMs: int('PENDING_TTL_SECONDS', 24 * 60 * 60) * 1000,
  };
}

/** DATABASE_URL as given, when it names PostgreSQL; anything else is a setup error (never quoted: it may hold a password). */
export function readDatabaseUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  if (!/^postgres(ql)?:\/\//.test(raw.trim())) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  return raw.trim();
}
