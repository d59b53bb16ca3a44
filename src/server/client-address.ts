import { isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** The socket's peer: the client itself, or the nearest proxy. */
function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'local';
  }
}

/**
 * Who is asking, for rate limits. With `trustedHops` proxies in front, each
 * appends the address it saw to `X-Forwarded-For`, so the client is the
 * address `trustedHops` places from the right (the socket being the last
 * proxy). Anything further left was written by the client and is ignored:
 * a client cannot pick its own budget. Without trusted hops the header is
 * never read.
 */
export function clientAddress(c: Context, trustedHops: number): string {
  const socket = socketAddress(c);
  if (trustedHops <= 0) return socket;
  const forwarded = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  const candidate = chain[Math.max(0, chain.length - 1 - trustedHops)]!;
  // Our own proxies write plain addresses; anything else is a misconfigured chain, not a key to trust.
  return isIP(candidate) ? candidate : socket;
}
