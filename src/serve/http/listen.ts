import type { AddressInfo } from 'node:net';
import { type HttpBindings, serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** Options for {@link listen}. */
export interface ListenOptions {
  /** 0 picks a free one. */
  port: number;
  /** Default all interfaces. */
  host?: string;
  /** On close, drop open connections too, rather than letting requests in flight finish. Default false. */
  dropConnectionsOnClose?: boolean;
}

/** A Hono app served over Node's HTTP server. */
export interface Listener {
  /** The port actually listened on. */
  readonly port: number;
  /** Lets the process exit while the listener is open (a listener that must never keep it alive). */
  unref(): void;
  /** Stops accepting requests; requests in flight finish first, idle connections are closed. */
  close(): Promise<void>;
}

/** Serves `app` on `options.port` and `options.host`; rejects when the port cannot be listened on. */
export function listen(app: Hono<{ Bindings: HttpBindings }>, options: ListenOptions): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, ...(options.host ? { hostname: options.host } : {}) }, (address: AddressInfo) => {
      server.off('error', reject);
      resolve({
        port: address.port,
        unref: () => void server.unref(),
        close: () =>
          new Promise<void>((closed) => {
            server.close(() => closed());
            if (!('closeIdleConnections' in server)) return;
            if (options.dropConnectionsOnClose) server.closeAllConnections();
            else server.closeIdleConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
