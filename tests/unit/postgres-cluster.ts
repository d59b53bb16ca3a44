/**
 * A throwaway PostgreSQL for tests and the bench: Debian's own server
 * binaries, a new cluster in a temporary folder on a free loopback port,
 * stopped and removed afterwards. PostgreSQL refuses to run as root, so as
 * root the folder is given to `nobody` and the binaries run through
 * runuser. With TEST_DATABASE_URL set, a fresh database is made there
 * instead. Missing binaries are an error, never a skip: CI must run these.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';
const RUN_AS = 'nobody';

export interface PostgresCluster {
  /** postgres://… of an empty database. */
  url: string;
  /** Another empty database on the same server (a second contract run, a second test). */
  newDatabase(): Promise<string>;
  /** pg_dump of the database at `url`, as SQL text. */
  dump(url: string): Promise<string>;
  /** Stops the server (fast shutdown) and starts it again on the same port: the database going away and back. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

function binDir(): string {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT).filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) {
    throw new Error(
      `PostgreSQL server binaries not found (${PG_ROOT}/<version>/bin/initdb). Install Debian's package: apt-get install postgresql; or set TEST_DATABASE_URL.`,
    );
  }
  return join(PG_ROOT, versions[0], 'bin');
}

const asRoot = process.getuid?.() === 0;
/** [command, args] that run `bin` as the cluster's owner. */
function asOwner(bin: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', RUN_AS, '--', bin, ...args]] : [bin, args];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

let counter = 0;
async function createDatabase(adminUrl: string): Promise<string> {
  const name = `intake_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresCluster> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    const dumpBin = existsSync(PG_ROOT) ? join(binDir(), 'pg_dump') : 'pg_dump';
    return {
      url: await createDatabase(given),
      newDatabase: () => createDatabase(given),
      dump: async (url) => (await run(dumpBin, [`--dbname=${url}`], { maxBuffer: 256 * 1024 * 1024 })).stdout,
      pause: () => Promise.reject(new Error('cannot stop a TEST_DATABASE_URL server')),
      resume: () => Promise.resolve(),
      stop: async () => {},
    };
  }
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'ombuds-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', RUN_AS], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', RUN_AS], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const exec = (name: string, args: string[]) => {
    const [cmd, argv] = asOwner(join(bin, name), args);
    return run(cmd, argv, { maxBuffer: 256 * 1024 * 1024 });
  };
  await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const port = await freePort();
  const settings = [
    `-c listen_addresses=127.0.0.1`,
    `-p ${port}`,
    `-c unix_socket_directories=${dir}`,
    `-c max_connections=200`,
    // Tests need no crash safety of the machine itself; the bench measures the real thing.
    ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  const start = () => exec('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', join(dir, 'server.log'), '-o', settings]);
  try {
    await start();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url: await createDatabase(admin),
    newDatabase: () => createDatabase(admin),
    dump: async (url) => (await exec('pg_dump', [`--dbname=${url}`])).stdout,
    pause: async () => {
      await exec('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', data]);
    },
    resume: async () => {
      await start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await exec('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', data]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
