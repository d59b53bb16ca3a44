import type { Server } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { ServerSettings } from './settings';

type Limits = Pick<ServerSettings, 'port' | 'host' | 'headersTimeoutMs' | 'requestTimeoutMs' | 'maxConnections'>;

/**
 * The Node HTTP server around the app, with the limits that keep a slow or
 * greedy client from holding sockets: the header must arrive within
 * headersTimeoutMs (Node checks every connectionsCheckingInterval, so that
 * runs at a quarter of it), the whole request within requestTimeoutMs, and
 * at most maxConnections sockets are open (Node closes the others at once).
 */
export function listen(app: Hono, limits: Limits, onListening: (port: number) => void): ServerType {
  const headersTimeout = limits.headersTimeoutMs;
  const server = serve(
    {
      fetch: app.fetch,
      port: limits.port,
      hostname: limits.host,
      serverOptions: {
        headersTimeout,
        requestTimeout: Math.max(limits.requestTimeoutMs, headersTimeout),
        connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(headersTimeout / 4))),
      },
    },
    (info) => onListening(info.port),
  );
  (server as Server).maxConnections = limits.maxConnections;
  return server;
}
