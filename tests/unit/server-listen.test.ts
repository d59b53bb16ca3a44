import { afterEach, describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Hono } from 'hono';
import { listen } from '../../src/server/listen';

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const app = new Hono().get('/', (c) => c.text('ok'));

async function start(limits: { headersTimeoutMs?: number; maxConnections?: number }): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = listen(
      app,
      { port: 0, host: '127.0.0.1', headersTimeoutMs: 60_000, requestTimeoutMs: 120_000, maxConnections: 100, ...limits },
      () => resolve({ server, port: (server.address() as AddressInfo).port }),
    ) as Server;
    servers.push(server);
  });
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
    sockets.push(socket);
  });
}

const closed = (socket: Socket) => new Promise<void>((resolve) => (socket.closed || socket.destroyed ? resolve() : socket.once('close', () => resolve())));

describe('the Node server around the app', () => {
  it('drops a client whose headers never finish, soon after headersTimeout', async () => {
    const { port } = await start({ headersTimeoutMs: 400 });
    const socket = await open(port);
    socket.on('error', () => {});
    const started = performance.now();
    socket.write('GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    await closed(socket);
    // Node's default would hold it for a minute or more; here well under 5 s even on a busy machine.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes connections beyond maxConnections at once and serves again when one is free', async () => {
    const { server, port } = await start({ maxConnections: 2 });
    const first = await open(port);
    await open(port);
    await expect.poll(() => new Promise<number>((resolve) => server.getConnections((_, n) => resolve(n)))).toBe(2);
    const third = await open(port);
    third.on('error', () => {});
    await closed(third);
    expect(first.destroyed).toBe(false);
    first.destroy();
    await expect.poll(() => new Promise<number>((resolve) => server.getConnections((_, n) => resolve(n)))).toBe(1);
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(await res.text()).toBe('ok');
  });
});
