import { resolve } from 'node:path';
import { readPublicConfig, type PublicConfig } from '../shared/public-config';

export interface ServerSettings {
  port: number;
  host: string;
  dataDir: string;
  distDir: string;
  /** Bearer token for the staff routes; without it they are off. */
  intakeToken: string | null;
  publicConfig: PublicConfig;
  /** Limits, in bytes. */
  maxJsonBytes: number;
  maxAttachmentBytes: number;
  /** Requests per minute per client address on write routes. */
  rateLimitPerMinute: number;
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
  };
}
