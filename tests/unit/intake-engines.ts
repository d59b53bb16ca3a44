/** Test files that run the intake on both engines: one throwaway PostgreSQL per file, every server closed after each test. */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { makeServer, type TestServer } from './intake-helpers';
import { startPostgres, type PostgresCluster } from './postgres-cluster';

export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

export function useEngines() {
  let cluster: PostgresCluster | undefined;
  const servers: TestServer[] = [];
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 120_000);
  afterAll(() => cluster?.stop());
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });
  const self = {
    cluster: () => {
      if (!cluster) throw new Error('the PostgreSQL cluster is not started');
      return cluster;
    },
    track(server: TestServer): TestServer {
      servers.push(server);
      return server;
    },
    /** A server on `engine`; on PostgreSQL a fresh database, whose URL comes back too. */
    async server(engine: Engine, env: Record<string, string> = {}, dir?: string): Promise<TestServer & { databaseUrl: string }> {
      const databaseUrl = engine === 'postgres' ? await self.cluster().newDatabase() : '';
      const s = self.track(await makeServer(databaseUrl ? { DATABASE_URL: databaseUrl, ...env } : env, dir));
      return Object.assign(s, { databaseUrl });
    },
  };
  return self;
}
