import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Telegraf } from 'telegraf';
import type { Logger } from '../log/logger.js';
import { readRequestBody, RequestBodyTooLargeError } from './read-request-body.js';
import { writeMetricsResponse } from './write-metrics-response.js';

export interface WebhookServerOptions {
  /** The public HTTPS address Telegram posts to (WEBHOOK_URL); its path is the path served here. */
  url: string;
  /** Local port (WEBHOOK_PORT); 0 picks a free one. */
  port: number;
  /** Local interface (WEBHOOK_HOST); default all interfaces. */
  host?: string;
  /** Also answer GET /metrics here (METRICS_ON_WEBHOOK_PORT). Default false: this listener is the public one. */
  serveMetrics?: boolean;
  /** Checked against Telegram's `X-Telegram-Bot-Api-Secret-Token` header on every update. */
  secret: string;
  logger: Logger;
  /**
   * Whether GET /health answers 200 `{"ok":true}` or 503 `{"ok":false}`, so a load balancer sends no updates to a
   * worker whose replica is still being built. Only `ready` is shown here: the details are for the metrics
   * listener and the logs, not for whoever can reach the public port. Default: always ready.
   */
  health?: () => HealthReport;
}

/** A worker's readiness for GET /health; `details` are added to the JSON body. */
export interface HealthReport {
  ready: boolean;
  details: Record<string, unknown>;
}

export interface WebhookServer {
  /** The port actually listened on. */
  readonly port: number;
  /** Stops accepting requests; in-flight updates finish first. */
  close(): Promise<void>;
}

/** Updates larger than this are refused (Telegram's are a few kilobytes). */
const MAX_BODY_BYTES = 1_000_000;
/** How long an oversized upload is read (and discarded) after the 413, before the connection is dropped. */
const LINGER_MS = 2_000;
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** Paths answering 200 to GET, for load balancers and uptime checks. */
const HEALTH_PATHS = new Set(['/health', '/healthz']);

/**
 * The built-in webhook receiver: POST `<path of url>` with the right secret header → the update is handled;
 * a wrong or missing secret → 401; GET /health → 200 `{"ok":true}` (503 `{"ok":false}` while `health` says not
 * ready); GET /metrics → Prometheus text only with `serveMetrics`; anything else → 404. Then registers the webhook
 * with Telegram.
 */
export async function startWebhookServer(bot: Telegraf, options: WebhookServerOptions): Promise<WebhookServer> {
  const hookPath = new URL(options.url).pathname;
  const handleUpdate = bot.webhookCallback(hookPath, { secretToken: options.secret });
  const server = http.createServer((request, response) => {
    const requestPath = (request.url ?? '/').split('?')[0] ?? '/';
    if (request.method === 'GET' && HEALTH_PATHS.has(requestPath)) {
      const ready = options.health?.().ready ?? true;
      response.writeHead(ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ ok: ready }));
      return;
    }
    if (options.serveMetrics && request.method === 'GET' && requestPath === '/metrics') {
      writeMetricsResponse(response, options.logger);
      return;
    }
    if (requestPath !== hookPath) {
      response.writeHead(404).end();
      return;
    }
    if (request.method !== 'POST') {
      response.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    if (!secretMatches(request.headers[SECRET_HEADER], options.secret)) {
      options.logger.warn({ remoteAddress: request.socket.remoteAddress }, 'webhook request with a wrong secret token refused');
      response.writeHead(401).end();
      return;
    }
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      refuseTooLarge(request, response);
      return;
    }
    readRequestBody(request, MAX_BODY_BYTES)
      .then((body) => {
        // telegraf parses a Buffer it finds on `request.body` instead of reading the (already read) stream.
        (request as http.IncomingMessage & { body?: Buffer }).body = body;
        return handleUpdate(request, response);
      })
      .catch((error: unknown) => {
        if (error instanceof RequestBodyTooLargeError) {
          options.logger.warn({ remoteAddress: request.socket.remoteAddress, limitBytes: error.limitBytes }, 'webhook request body too large, refused');
          refuseTooLarge(request, response);
          return;
        }
        options.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'webhook update failed');
        if (response.destroyed) return;
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  try {
    await bot.telegram.setWebhook(options.url, { secret_token: options.secret });
  } catch (error) {
    await close();
    throw error;
  }
  options.logger.info({ host: options.host ?? 'all interfaces', port, path: hookPath, metrics: options.serveMetrics ?? false }, 'webhook server listening');
  return { port, close };
}

/**
 * 413 with `Connection: close`. The answer is written at once, but the response is only ended (and the connection
 * closed) once the client stops sending, or after `LINGER_MS`: closing a socket with unread data makes the kernel
 * reset the connection, and a client still uploading would then lose the 413 (a "lingering close", as nginx does).
 * What arrives meanwhile is discarded, never buffered.
 */
function refuseTooLarge(request: http.IncomingMessage, response: http.ServerResponse): void {
  if (response.headersSent || response.destroyed) return;
  const body = JSON.stringify({ ok: false, error: `request body over ${MAX_BODY_BYTES} bytes` });
  response.writeHead(413, { connection: 'close', 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.write(body);
  const finish = () => {
    clearTimeout(timer);
    request.off('data', discard);
    if (!response.writableEnded) response.end();
  };
  const discard = () => {};
  const timer = setTimeout(finish, LINGER_MS);
  request.on('data', discard);
  request.once('end', finish);
  request.once('close', finish);
  request.resume();
}

function secretMatches(received: string | string[] | undefined, expected: string): boolean {
  if (typeof received !== 'string') return false;
  const receivedBytes = Buffer.from(received);
  const expectedBytes = Buffer.from(expected);
  return receivedBytes.length === expectedBytes.length && timingSafeEqual(receivedBytes, expectedBytes);
}
