import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../log/logger.js';
import { HEALTH_PATHS, type HealthReport, healthResponse } from './health-report.js';
import { metricsResponse } from './metrics-response.js';
import { refuseTooLarge } from './refuse-too-large.js';
import { requireSecretToken } from './require-secret-token.js';

/** Options for {@link createWebhookApp}. */
export interface WebhookAppOptions {
  /** The path Telegram posts updates to (the path of WEBHOOK_URL). */
  hookPath: string;
  /** Checked against Telegram's `X-Telegram-Bot-Api-Secret-Token` header on every update. */
  secret: string;
  /** Handles one update; resolves when it is done (the answer to Telegram waits for it). */
  handleUpdate(update: Update): Promise<void>;
  /** Also answer GET /metrics here (METRICS_ON_WEBHOOK_PORT). Default false: this listener is the public one. */
  serveMetrics?: boolean;
  /** Readiness for GET /health; only `ready` is shown on this public listener. Default: always ready. */
  health?: () => HealthReport;
  logger: Logger;
}

/** Updates larger than this are refused (Telegram's are a few kilobytes). */
export const MAX_UPDATE_BYTES = 1_000_000;
/** How long an oversized upload's connection is held after the 413 (see `refuseTooLarge`). */
const LINGER_MS = 2_000;

/**
 * The public webhook listener as a request → response function: POST `<hookPath>` with the right secret header →
 * the update is handled; a wrong or missing secret → 401; a body over `MAX_UPDATE_BYTES` (counted as it streams) →
 * 413; GET /health → 200 `{"ok":true}` or 503 `{"ok":false}`; GET /metrics only with `serveMetrics`; else 404.
 */
export function createWebhookApp(options: WebhookAppOptions): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();
  const health = options.health ?? (() => ({ ready: true, details: {} }));
  for (const path of HEALTH_PATHS) app.get(path, () => healthResponse(health(), false));
  if (options.serveMetrics) app.get('/metrics', () => metricsResponse(options.logger));
  app.post(
    options.hookPath,
    requireSecretToken(options.secret, options.logger),
    bodyLimit({
      maxSize: MAX_UPDATE_BYTES,
      onError: (context) => {
        options.logger.warn({ remoteAddress: context.env?.incoming?.socket.remoteAddress, limitBytes: MAX_UPDATE_BYTES }, 'webhook request body too large, refused');
        return refuseTooLarge(context, { maxBytes: MAX_UPDATE_BYTES, lingerMs: LINGER_MS });
      },
    }),
    async (context) => {
      let update: Update;
      try {
        update = await context.req.json<Update>();
      } catch {
        return context.body(null, 400);
      }
      try {
        await options.handleUpdate(update);
      } catch (error) {
        options.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'webhook update failed');
        return context.body(null, 500);
      }
      return context.body(null, 200);
    },
  );
  app.all(options.hookPath, (context) => context.body(null, 405, { allow: 'POST' }));
  app.notFound((context) => context.body(null, 404));
  return app;
}
