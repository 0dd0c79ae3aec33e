import type { Telegraf } from 'telegraf';
import type { Logger } from '../log/logger.js';
import type { HealthReport } from './http/health-report.js';
import { listen } from './http/listen.js';
import { createWebhookApp } from './http/webhook-app.js';
import { ALLOWED_UPDATES } from './allowed-updates.js';

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

export interface WebhookServer {
  /** The port actually listened on. */
  readonly port: number;
  /** Stops accepting requests; in-flight updates finish first. */
  close(): Promise<void>;
}

/** Serves the webhook app (see `createWebhookApp`) for `bot`, then registers the webhook with Telegram. */
export async function startWebhookServer(bot: Pick<Telegraf, 'handleUpdate' | 'telegram'>, options: WebhookServerOptions): Promise<WebhookServer> {
  const hookPath = new URL(options.url).pathname;
  const app = createWebhookApp({
    hookPath,
    secret: options.secret,
    // Looked up on each update: tests wrap bot.handleUpdate to learn when an update is done.
    handleUpdate: (update) => bot.handleUpdate(update),
    serveMetrics: options.serveMetrics ?? false,
    ...(options.health ? { health: options.health } : {}),
    logger: options.logger,
  });
  const listener = await listen(app, { port: options.port, ...(options.host ? { host: options.host } : {}) });
  try {
    await bot.telegram.setWebhook(options.url, { secret_token: options.secret, allowed_updates: [...ALLOWED_UPDATES] });
  } catch (error) {
    await listener.close();
    throw error;
  }
  options.logger.info({ host: options.host ?? 'all interfaces', port: listener.port, path: hookPath, metrics: options.serveMetrics ?? false }, 'webhook server listening');
  return { port: listener.port, close: () => listener.close() };
}
