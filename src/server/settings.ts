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
  /** PUBLIC_CONFIG_JSON: the office's contact overrides and notice (office-config.ts); DATA_DIR/config.json too. */
  officeConfigJson: string | null;
  /** Limits, in bytes. */
  maxJsonBytes: number;
  maxAttachmentBytes: number;
  /** API requests per minute per client, one budget across every API route. */
  rateLimitPerMinute: number;
  /**
   * How many reverse proxies stand in front of this server. 0: the client is
   * the socket's address and `X-Forwarded-For` is ignored (anyone can write
   * it). n: the client is the n-th address from the right of
   * `X-Forwarded-For` (each proxy appends the address it saw).
   */
  trustProxyHops: number;
  /** Request bodies read at the same time, over every client; more wait outside with 503. */
  maxBodiesInFlight: number;
  /** Node's timeouts: the whole header must arrive within headersTimeoutMs, the whole request within requestTimeoutMs. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Open connections at once; more are closed at once by Node. */
  maxConnections: number;
  /** Uploaded files waiting for their request: bytes in all, bytes per client, and how long they wait. */
  pendingMaxBytes: number;
  pendingMaxBytesPerClient: number;
  pendingTtlMs: number;
}

/**
 * TRUST_PROXY is a hop count, as in well-run Node services (Express's
 * numeric `trust proxy`): a boolean "trust the header" would take the
 * left-most address, which the client writes itself.
 */
function trustProxyHops(raw: string | undefined): number {
  if (raw === undefined || raw === '' || raw === 'false') return 0;
  if (!/^\d{1,2}$/.test(raw)) throw new Error('TRUST_PROXY must be the number of proxies in front of the server (e.g. 1)');
  return Number(raw);
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
    // Loopback unless asked: a laptop at an event must not offer the intake to the room's network.
    host: env.HOST || '127.0.0.1',
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
    officeConfigJson: env.PUBLIC_CONFIG_JSON?.trim() || null,
    maxJsonBytes: int('MAX_JSON_BYTES', 1024 * 1024),
    maxAttachmentBytes: int('MAX_ATTACHMENT_BYTES', 10 * 1024 * 1024),
    rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 600),
    trustProxyHops: trustProxyHops(env.TRUST_PROXY),
    maxBodiesInFlight: Math.max(1, int('MAX_BODIES_IN_FLIGHT', 16)),
    headersTimeoutMs: Math.max(1, int('HEADERS_TIMEOUT_MS', 10_000)),
    // A 10 MB photo over a slow phone link takes minutes: Node's own default (5 min).
    requestTimeoutMs: Math.max(1, int('REQUEST_TIMEOUT_MS', 300_000)),
    maxConnections: Math.max(1, int('MAX_CONNECTIONS', 512)),
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
