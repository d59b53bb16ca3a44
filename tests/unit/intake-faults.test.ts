import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../../src/server/db/sqlite';
import { openPostgres } from '../../src/server/db/postgres';
import { migrate, SchemaTooNewError } from '../../src/server/db/migrate';
import { MIGRATIONS } from '../../src/server/db/migrations';
import { openEngine } from '../../src/server/db/open';
import { canonicalJson } from '../../src/server/intake';
import { validateRequest } from '../../src/shared/request-schema';
import { useEngines } from './intake-engines';
import { NOW, file, makeServer, putFile, putRequest, request, sealedFile, serverKey, staff, uuid } from './intake-helpers';

const engines = useEngines();
const track = engines.track;
const sha256Hex = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

describe('starting up', () => {
  it('refuses a database it cannot reach, naming the cause but not the URL', async () => {
    const url = 'postgres://intake:hunter2-secret@127.0.0.1:9/intake';
    const failed = await openEngine({ dataDir: tmpdir(), databaseUrl: url }).catch((e: Error) => e);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toBe('cannot reach the PostgreSQL database (ECONNREFUSED)');
  });

  it('refuses a schema newer than the code, on both engines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ombuds-schema-'));
    try {
      const sqlite = openSqlite(dir);
      await sqlite.script('PRAGMA user_version = 99');
      await expect(migrate(sqlite)).rejects.toBeInstanceOf(SchemaTooNewError);
      await sqlite.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const pg = openPostgres(await engines.cluster().newDatabase());
    await migrate(pg);
    await pg.exec('UPDATE schema_version SET version = $1', [MIGRATIONS.length + 1]);
    await expect(migrate(pg)).rejects.toThrow(/newer than this server/);
    await pg.close();
  });
});

describe('file modes', () => {
  it('keeps DATA_DIR 0700 and the database, its WAL and the keys 0600 under umask 022', async () => {
    const old = process.umask(0o022);
    try {
      const s = track(await makeServer());
      const key = await serverKey(s);
      const id = uuid();
      expect((await putRequest(s, id, request(id), key)).status).toBe(201);
      const dir = s.deps.settings.dataDir;
      const mode = (p: string) => statSync(p).mode & 0o777;
      expect(mode(dir)).toBe(0o700);
      const dbFiles = readdirSync(dir).filter((n) => n.startsWith('intake.sqlite'));
      expect(dbFiles.sort()).toEqual(['intake.sqlite', 'intake.sqlite-shm', 'intake.sqlite-wal']);
      for (const n of dbFiles) expect(mode(join(dir, n)), n).toBe(0o600);
      expect(mode(join(dir, 'keys'))).toBe(0o700);
      for (const n of readdirSync(join(dir, 'keys')).filter((k) => k !== 'current')) expect(mode(join(dir, 'keys', n)), n).toBe(0o600);
    } finally {
      process.umask(old);
    }
  });
});

describe('database faults', () => {
  it('a full disk answers 503 with Retry-After, health says so, and the request arrives once there is room', async () => {
    const s = track(await makeServer());
    const key = await serverKey(s);
    const id = uuid();
    const f = file('z'.repeat(300_000));
    const [pages] = await s.deps.db.query<{ page_count: number }>('PRAGMA page_count');
    // No room for one more page: what SQLite reports on a full disk.
    await s.deps.db.query(`PRAGMA max_page_count = ${pages!.page_count}`);
    const upload = await putFile(s, id, f.id, await sealedFile(id, f, key));
    expect(upload.status).toBe(503);
    expect(Number(upload.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await upload.json()).toEqual({ error: 'unavailable' });
    const health = await s.app.request('/api/v1/health');
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'unavailable', database: 'SQLITE_FULL' });

    await s.deps.db.query('PRAGMA max_page_count = 1000000');
    expect((await putFile(s, id, f.id, await sealedFile(id, f, key))).status).toBe(200);
    expect((await putRequest(s, id, request(id, [f]), key)).status).toBe(201);
  });

  it('PostgreSQL going away answers 503 with Retry-After, and the same request arrives once it is back', async () => {
    const s = track(await makeServer({ DATABASE_URL: await engines.cluster().newDatabase() }));
    const key = await serverKey(s);
    const id = uuid();
    await engines.cluster().pause();
    try {
      const res = await putRequest(s, id, request(id), key);
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await s.app.request('/api/v1/health')).status).toBe(503);
    } finally {
      await engines.cluster().resume();
    }
    await expect.poll(async () => (await s.app.request('/api/v1/health')).status, { timeout: 15_000 }).toBe(200);
    const ok = await putRequest(s, id, request(id), key);
    expect(ok.status).toBe(201);
    expect((await putRequest(s, id, request(id), key)).status).toBe(200);
  }, 60_000);
});

describe('requests stored in plaintext by the SQLite-only version', () => {
  it('are sealed on start, keep their confirmation, open for staff, and leave no plaintext in the file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ombuds-legacy-'));
    const dataDir = join(root, 'data');
    const id = uuid();
    const f = file('legacy scan of Plaintextova');
    const plain = request(id, [f], { person: { ...(request(id).person as object), familyName: 'Plaintextova', aNumber: 'A123456789' } });
    const checked = validateRequest(plain, '2025-06-15');
    if (!checked.ok) throw new Error('fixture invalid');
    // The tables and rows exactly as the plaintext version wrote them (its migrations 1–3).
    const old = openSqlite(dataDir);
    await migrate(old, MIGRATIONS.slice(0, 3));
    await old.exec(
      'INSERT INTO requests (id, confirmation, body_sha256, body, form_types, kid, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [id, 'K7Q4M2XP9', sha256Hex(canonicalJson(plain)), canonicalJson(checked.value), '["I-485"]', 'oldkid', NOW.toISOString()],
    );
    await old.exec(
      'INSERT INTO request_attachments (request_id, attachment_id, name, type, size, sha256, data) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [id, f.id, f.ref.name, f.ref.type, f.ref.size, f.ref.sha256, f.bytes],
    );
    await old.close();

    const s = track(await makeServer({}, root));
    const opened = await s.deps.store.openRequest(id);
    expect(opened).toMatchObject({ id, confirmation: 'K7Q-4M2-XP9', receivedAt: NOW.toISOString(), formTypes: ['I-485'] });
    expect((opened!.request as { person: { familyName: string } }).person.familyName).toBe('Plaintextova');
    expect(Buffer.from((await s.deps.store.openAttachment(id, f.id))!.data).toString()).toBe('legacy scan of Plaintextova');
    expect((await s.deps.store.findBy('a_number', '123456789')).map((r) => r.id)).toEqual([id]);
    const tables = await s.deps.db.query<{ name: string }>("SELECT name FROM sqlite_master WHERE name LIKE 'legacy%'");
    expect(tables).toEqual([]);
    const raw = readdirSync(dataDir)
      .filter((n) => n.startsWith('intake.sqlite'))
      .map((n) => readFileSync(join(dataDir, n)).toString('latin1'))
      .join('');
    expect(raw).toContain(id);
    expect(raw).not.toContain('Plaintextova');
    expect(raw).not.toContain('123456789');

    // The device repeating its request (sealed afresh) gets the answer it was given.
    const again = await putRequest(s, id, plain, await serverKey(s));
    expect(again.status).toBe(200);
    expect((await again.json()).confirmation).toBe('K7Q-4M2-XP9');
    expect((await s.app.request(`/api/v1/requests/${id}`, { headers: staff })).status).toBe(200);
  });
});
