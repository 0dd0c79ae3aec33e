import { timingSafeEqual } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../log/logger.js';

/** The header Telegram sends the webhook's `secret_token` in. */
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** Refuses (401) a request whose `X-Telegram-Bot-Api-Secret-Token` is not `secret`, compared in constant time. */
export function requireSecretToken(secret: string, logger: Logger): MiddlewareHandler<{ Bindings: HttpBindings }> {
  const expected = Buffer.from(secret);
  return async (context, next) => {
    const received = Buffer.from(context.req.header(SECRET_HEADER) ?? '');
    if (received.length === expected.length && timingSafeEqual(received, expected)) return next();
    const remoteAddress = (context.env as Partial<HttpBindings> | undefined)?.incoming?.socket.remoteAddress;
    logger.warn({ remoteAddress }, 'webhook request with a wrong secret token refused');
    return context.body(null, 401);
  };
}
