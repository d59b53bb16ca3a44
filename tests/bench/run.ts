/**
 * `npm run bench`: builds the app, starts the real intake server (own
 * temporary DATA_DIR, a free port), drives Debian's Chromium, prints a
 * table and writes .bench/results.json (the keys of issue 8, each a number)
 * and .bench/details.json (what the figures were made of).
 *
 *   npm run bench                      everything, 5 runs where timed
 *   npm run bench -- --runs 3          fewer runs (quicker, noisier)
 *   npm run bench -- --only load,storage --skip-build
 *
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_PORT (default:
 * a free port). The server runs with RATE_LIMIT_PER_MINUTE=0: every request
 * comes from this one machine, and the bench measures the app, not the limiter.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchBrowser, removeDir, startServer, type RunningServer } from '../e2e/harness';
import { measureBuild } from './sizes';
import { benchScreener } from './screener';
import { benchServer } from './server';
import { benchStaff } from './staff';
import { benchLighthouse } from './lighthouse';
import { startBaselineApp } from './baseline-app';
import { prepareBenchDist } from './bench-dist';
import { benchLoad } from './load';
import { benchStorage } from './storage';
import { benchSync } from './sync';
import { benchMemory } from './memory';
import { benchRequestBytes } from './request-bytes';
import { BenchError, installSignalHandlers, isInterrupted, onCleanup, runCleanups, shortMessage, withTimeout } from './util';
import { machine, printTable, type Target } from './report';

/** The keys of .bench/results.json, in the issue's order. */
export const RESULT_KEYS = [
  'bundle.initialJsGzip',
  'bundle.initialCssGzip',
  'bundle.precacheGzip',
  'bundle.precacheCount',
  'lighthouse.performance',
  'lighthouse.accessibility',
  'lighthouse.bestPractices',
  'lighthouse.lcpMs',
  'lighthouse.tbtMs',
  'lighthouse.baselineLcpMs',
  'lighthouse.baselineTbtMs',
  'lighthouse.guideLcpRatio',
  'lighthouse.guideTbtOverMs',
  'load.slow3gMs',
  'load.slow3gLimitMs',
  'load.slow3gRatio',
  'load.offlineReloadMs',
  'load.offlineBaselineMs',
  'load.offlineRatio',
  'storage.autosaveP95Ms',
  'storage.rawPutP95Ms',
  'storage.autosaveRatio',
  'screener.evaluateP95Us',
  'server.intakeRps',
  'server.intakeP99Ms',
  'server.sqliteRps',
  'server.intakeRatio',
  'server.pgIntakeRps',
  'server.pgRawRps',
  'server.pgIntakeRatio',
  'sync.flush200Ms',
  'sync.queue200Ms',
  'memory.jsHeapMb',
  'storage.requestBytes',
  'server.rssMb',
  'staff.inboxP95Ms',
  'staff.findP95Ms',
  'staff.pgInboxP95Ms',
  'staff.pgFindP95Ms',
] as const;

type Key = (typeof RESULT_KEYS)[number];

/** Targets from issue 8, shown beside the figures (reported, never asserted). */
const TARGETS: Partial<Record<Key, Target>> = {
  'bundle.initialJsGzip': { op: '<=', value: 30 * 1024 },
  'bundle.initialCssGzip': { op: '<=', value: 8 * 1024 },
  'bundle.precacheGzip': { op: '<=', value: 400 * 1024 },
  'lighthouse.performance': { op: '>=', value: 100 },
  'lighthouse.accessibility': { op: '>=', value: 100 },
  'lighthouse.bestPractices': { op: '>=', value: 100 },
  'lighthouse.guideLcpRatio': { op: '<=', value: 1.2 },
  'lighthouse.guideTbtOverMs': { op: '<=', value: 50 },
  'load.slow3gRatio': { op: '<=', value: 1.3 },
  'load.offlineRatio': { op: '<=', value: 1.5 },
  'storage.autosaveRatio': { op: '<=', value: 1.5 },
  'server.intakeRatio': { op: '>=', value: 0.5 },
  'server.pgIntakeRatio': { op: '>=', value: 0.5 },
  'screener.evaluateP95Us': { op: '<=', value: 100 },
  'memory.jsHeapMb': { op: '<=', value: 8 },
  'storage.requestBytes': { op: '<=', value: 2_000_000 },
  'sync.flush200Ms': { op: '<=', value: 2_000 },
  'server.rssMb': { op: '<=', value: 150 },
  'staff.inboxP95Ms': { op: '<=', value: 200 },
  'staff.findP95Ms': { op: '<=', value: 200 },
  'staff.pgInboxP95Ms': { op: '<=', value: 200 },
  'staff.pgFindP95Ms': { op: '<=', value: 200 },
};

const SECTIONS = ['bundle', 'screener', 'storage', 'load', 'sync', 'memory', 'requestBytes', 'lighthouse', 'server', 'staff'] as const;
type Section = (typeof SECTIONS)[number];

interface Args {
  runs: number;
  skipBuild: boolean;
  only: Set<Section>;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 5, skipBuild: false, only: new Set(SECTIONS) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new BenchError(`${a} needs a value`);
      return v;
    };
    if (a === '--skip-build') args.skipBuild = true;
    else if (a.startsWith('--runs')) {
      args.runs = Number(value());
      if (!Number.isInteger(args.runs) || args.runs < 1) throw new BenchError('--runs must be a whole number ≥ 1');
    } else if (a.startsWith('--only')) {
      const names = value().split(',').map((s) => s.trim());
      for (const n of names) if (!SECTIONS.includes(n as Section)) throw new BenchError(`unknown section "${n}" (one of ${SECTIONS.join(', ')})`);
      args.only = new Set(names as Section[]);
    } else if (a === '--help' || a === '-h') {
      console.log('npm run bench [-- --runs N] [--only a,b] [--skip-build]\nsections: ' + SECTIONS.join(', '));
      process.exit(0);
    } else throw new BenchError(`unknown argument ${a}`);
  }
  return args;
}

async function checkPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(new BenchError(err.code === 'EADDRINUSE' ? `port ${port} is taken: stop what uses it or unset BENCH_PORT` : `port ${port}: ${err.message}`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

async function buildApp(): Promise<void> {
  const proc = spawn('npm', ['run', 'build'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const done = new Promise<number | null>((resolve, reject) => {
    proc.once('exit', (code) => resolve(code));
    proc.once('error', (err) => reject(new BenchError(`could not run npm run build: ${err.message}`)));
  });
  const stop = onCleanup('npm run build', () => {
    // npm runs vite in a child: stop the whole group.
    if (proc.exitCode === null) {
      try {
        process.kill(-proc.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  });
  try {
    const code = await withTimeout(done, 300_000, 'npm run build');
    if (code !== 0) throw new BenchError(`the build failed (npm run build exited with ${code}):\n${out.split('\n').slice(-25).join('\n')}`);
  } finally {
    await stop();
  }
}

async function main(): Promise<number> {
  installSignalHandlers();
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const log = (line: string) => console.log(`  ${line}`);
  const results = Object.fromEntries(RESULT_KEYS.map((k) => [k, null])) as Record<Key, number | null>;
  const partial = args.only.size < SECTIONS.length;
  if (partial && existsSync('.bench/results.json')) {
    // A partial run updates its own figures and keeps the others from the last run.
    const previous = JSON.parse(readFileSync('.bench/results.json', 'utf8')) as Record<string, unknown>;
    for (const k of RESULT_KEYS) if (typeof previous[k] === 'number') results[k] = previous[k];
  }
  const details: Record<string, unknown> = { machine: machine(), runs: args.runs, startedAt: new Date().toISOString() };
  const failures: string[] = [];
  const set = (values: Partial<Record<Key, number>>) => Object.assign(results, values);
  const wants = (s: Section) => args.only.has(s);
  const needsBrowser = ['storage', 'load', 'sync', 'memory', 'requestBytes'].some((s) => wants(s as Section));
  const needsServer = needsBrowser || wants('lighthouse');

  // Fail fast, before any slow step, on what would fail later anyway.
  if ((needsBrowser || wants('lighthouse')) && !existsSync(CHROMIUM)) {
    throw new BenchError(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const fixedPort = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : 0;
  if (process.env.BENCH_PORT && (!Number.isInteger(fixedPort) || fixedPort <= 0 || fixedPort > 65535)) {
    throw new BenchError(`BENCH_PORT must be a port number, not "${process.env.BENCH_PORT}"`);
  }
  if (fixedPort && needsServer) await checkPortFree(fixedPort);

  if (!args.skipBuild) {
    console.log('building the app (npm run build)…');
    await buildApp();
  } else if (!existsSync('dist/index.html')) throw new BenchError('dist/ is missing: run without --skip-build');

  const section = async (name: Section, limitMs: number, work: () => Promise<void>) => {
    if (!wants(name) || isInterrupted()) return;
    const t0 = Date.now();
    console.log(`${name}…`);
    try {
      await withTimeout(work(), limitMs, `the ${name} bench`);
      log(`(${Math.round((Date.now() - t0) / 1000)} s)`);
    } catch (err) {
      if (isInterrupted()) return;
      const message = shortMessage(err);
      failures.push(`${name}: ${message}`);
      console.error(`  FAILED: ${message}`);
    }
  };

  await section('bundle', 30_000, async () => {
    const s = measureBuild('dist');
    set({
      'bundle.initialJsGzip': s.initialJsGzip,
      'bundle.initialCssGzip': s.initialCssGzip,
      'bundle.precacheGzip': s.precacheGzip,
      'bundle.precacheCount': s.precacheCount,
    });
    details.bundle = { initialFiles: s.initialFiles, precacheFiles: s.precacheFiles };
  });

  await section('screener', 60_000, async () => {
    const s = benchScreener({ runs: args.runs });
    set({ 'screener.evaluateP95Us': s.evaluateP95Us });
    details.screener = s;
    log(`${s.sets} answer sets (${s.outcomes} complete)`);
  });

  // A server or browser that will not start fails the parts that need it; the others still report.
  let server: RunningServer | null = null;
  let browser: Browser | null = null;
  let serverProblem = '';
  let browserProblem = '';
  if (needsServer) {
    try {
      server = await startServer({ port: fixedPort, env: { RATE_LIMIT_PER_MINUTE: '0', DIST_DIR: prepareBenchDist() } });
      const s = server;
      onCleanup('intake server', async () => {
        await s.stop();
        removeDir(s.dataDir);
      });
      console.log(`server on ${server.url}`);
    } catch (err) {
      const message = (err as Error).message;
      serverProblem = /EADDRINUSE/.test(message) ? `port ${fixedPort} is taken: the server could not listen` : `the server did not start: ${message}`;
      failures.push(serverProblem);
      console.error(`  FAILED: ${serverProblem}`);
    }
  }
  if (needsBrowser) {
    try {
      browser = await withTimeout(launchBrowser(), 60_000, 'starting Chromium');
      const b = browser;
      onCleanup('Chromium', () => b.close());
    } catch (err) {
      browserProblem = `Chromium did not start: ${shortMessage(err)}`;
      failures.push(browserProblem);
      console.error(`  FAILED: ${browserProblem}`);
    }
  }
  /** The server and browser a part needs, or a failure naming what is missing. */
  const need = (withBrowser: boolean) => {
    if (!server) throw new BenchError(`skipped: ${serverProblem || 'no server'}`);
    if (withBrowser && !browser) throw new BenchError(`skipped: ${browserProblem || 'no browser'}`);
    return { browser: browser!, baseUrl: server.url };
  };

  await section('storage', 240_000, async () => {
    const s = await benchStorage({ ...need(true), runs: args.runs, log });
    set({ 'storage.autosaveP95Ms': s.autosaveP95Ms, 'storage.rawPutP95Ms': s.rawPutP95Ms, 'storage.autosaveRatio': s.autosaveRatio });
    details.storage = s;
  });

  await section('load', 360_000, async () => {
    const s = await benchLoad({ ...need(true), runs: args.runs, log });
    const figures = {
      'load.slow3gMs': s.slow3gMs,
      'load.slow3gLimitMs': s.slow3gLimitMs,
      'load.slow3gRatio': s.slow3gRatio,
      'load.offlineReloadMs': s.offlineReloadMs,
      'load.offlineBaselineMs': s.offlineBaselineMs,
      'load.offlineRatio': s.offlineRatio,
    };
    for (const [k, v] of Object.entries(figures)) if (v !== null) set({ [k]: v });
    details.load = s;
    if (s.problems.length) throw new BenchError(s.problems.join('; '));
  });

  await section('sync', 420_000, async () => {
    const s = await benchSync({ ...need(true), runs: args.runs, log });
    set({ 'sync.flush200Ms': s.flush200Ms, 'sync.queue200Ms': s.queue200Ms });
    details.sync = s;
  });

  await section('memory', 180_000, async () => {
    const s = await benchMemory({ ...need(true), runs: args.runs, log });
    set({ 'memory.jsHeapMb': s.jsHeapMb });
    details.memory = s;
  });

  await section('requestBytes', 240_000, async () => {
    const s = await benchRequestBytes({ ...need(true), log });
    set({ 'storage.requestBytes': s.requestBytes });
    details.requestBytes = s;
  });

  await section('lighthouse', 600_000, async () => {
    const { baseUrl } = need(false);
    let baselineUrl: string | null = null;
    let baselineProblem = '';
    try {
      baselineUrl = (await withTimeout(startBaselineApp(), 120_000, 'the baseline page')).url;
    } catch (err) {
      baselineProblem = `the baseline page: ${shortMessage(err)}`;
      log(`FAILED ${baselineProblem} (the app's own figures still follow)`);
    }
    const s = await benchLighthouse({ baseUrl, baselineUrl, runs: args.runs, log });
    set({
      'lighthouse.performance': s.performance,
      'lighthouse.accessibility': s.accessibility,
      'lighthouse.bestPractices': s.bestPractices,
      'lighthouse.lcpMs': s.lcpMs,
      'lighthouse.tbtMs': s.tbtMs,
      ...(s.baselineLcpMs !== null && { 'lighthouse.baselineLcpMs': s.baselineLcpMs }),
      ...(s.baselineTbtMs !== null && { 'lighthouse.baselineTbtMs': s.baselineTbtMs }),
      ...(s.guideLcpRatio !== null && { 'lighthouse.guideLcpRatio': s.guideLcpRatio }),
      ...(s.guideTbtOverMs !== null && { 'lighthouse.guideTbtOverMs': s.guideTbtOverMs }),
    });
    details.lighthouse = { pages: s.pages, failedRuns: s.failedRuns };
    if (baselineProblem || s.incomplete) throw new BenchError([baselineProblem, s.incomplete].filter(Boolean).join('; '));
  });

  await section('server', 420_000, async () => {
    const s = await benchServer({ log });
    set({
      'server.intakeRps': s.intakeRps,
      'server.intakeP99Ms': s.intakeP99Ms,
      'server.sqliteRps': s.sqliteRps,
      'server.intakeRatio': s.intakeRatio,
      'server.pgIntakeRps': s.pgIntakeRps,
      'server.pgRawRps': s.pgRawRps,
      'server.pgIntakeRatio': s.pgIntakeRatio,
      'server.rssMb': s.rssMb,
    });
    details.server = s;
  });

  await section('staff', 1_500_000, async () => {
    const s = await benchStaff({ runs: args.runs, log });
    set({
      'staff.inboxP95Ms': s.inboxP95Ms,
      'staff.findP95Ms': s.findP95Ms,
      'staff.pgInboxP95Ms': s.pgInboxP95Ms,
      'staff.pgFindP95Ms': s.pgFindP95Ms,
    });
    details.staff = s;
  });

  await runCleanups();
  // Interrupted: the signal handler stops everything and exits; half a run is not written.
  if (isInterrupted()) return new Promise<number>(() => {});

  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/results.json', JSON.stringify(results, null, 2) + '\n');
  details.seconds = Math.round((Date.now() - started) / 1000);
  details.failures = failures;
  writeFileSync('.bench/details.json', JSON.stringify(details, null, 2) + '\n');

  printTable(RESULT_KEYS, results, TARGETS);
  const m = details.machine as Record<string, unknown>;
  console.log(`\n${m.cpus} cores (${m.cpuModel}), Node ${m.node}, ${m.chromium}; ${args.runs} runs; ${details.seconds} s`);
  console.log('wrote .bench/results.json and .bench/details.json');
  const missing = !partial ? RESULT_KEYS.filter((k) => results[k] === null || !Number.isFinite(results[k]!)) : [];
  if (failures.length || missing.length) {
    console.error(`\nbench incomplete:\n${[...failures, ...(missing.length ? [`no figure for ${missing.join(', ')}`] : [])].map((f) => `  - ${f}`).join('\n')}`);
    return 1;
  }
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch(async (err: unknown) => {
    await runCleanups();
    if (isInterrupted()) return;
    console.error(`\nbench failed: ${err instanceof BenchError ? err.message : err instanceof Error ? shortMessage(err) + '\n' + (err.stack ?? '').split('\n').slice(1, 6).join('\n') : String(err)}`);
    process.exit(1);
  });
