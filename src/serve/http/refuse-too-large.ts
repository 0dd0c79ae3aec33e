import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';

/** Options for {@link refuseTooLarge}. */
export interface RefuseTooLargeOptions {
  /** The limit that was passed, in bytes (said in the answer). */
  maxBytes: number;
  /** How long the connection is held open after the 413 before it closes. */
  lingerMs: number;
}

/**
 * 413 with `Connection: close`. The answer is written at once, but ended (and the connection closed) only when the
 * client goes away or after `lingerMs`: closing a socket the client is still writing to makes the kernel reset the
 * connection, and the client would then lose the 413 (a "lingering close", as nginx does). Meanwhile the request
 * is left paused, so nothing more of it is read or buffered.
 */
export function refuseTooLarge(context: Context<{ Bindings: HttpBindings }>, options: RefuseTooLargeOptions): Response {
  const body = new TextEncoder().encode(JSON.stringify({ ok: false, error: `request body over ${options.maxBytes} bytes` }));
  const headers = { connection: 'close', 'content-type': 'application/json' };
  // In-process requests (`app.request()` in tests) have no socket to hold open.
  const incoming = (context.env as Partial<HttpBindings> | undefined)?.incoming;
  if (!incoming) return new Response(body, { status: 413, headers });
  const lingering = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(body);
      const finish = () => {
        clearTimeout(timer);
        incoming.off('close', finish);
        controller.close();
      };
      const timer = setTimeout(finish, options.lingerMs);
      incoming.once('close', finish);
    },
  });
  return new Response(lingering, { status: 413, headers });
}
