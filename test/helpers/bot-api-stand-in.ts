/**
 * A Bot API stand-in on 127.0.0.1 for the scale-out bench: answers every method at once (getMe, setWebhook,
 * sendChatAction…) and notes when each chat's first sendMessage arrives, which is when a question counts as answered.
 * Deliberately minimal (no emulator, no stored messages) so that it costs the shared cores as little as possible.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The bot's identity returned by getMe; questions in groups would mention `@username`. */
export const STAND_IN_BOT = { id: 7000000001, is_bot: true, first_name: 'Bench', username: 'BenchNewsBot' } as const;

export interface BotApiStandIn {
  /** TELEGRAM_API_ROOT for the workers. */
  readonly apiRoot: string;
  /**
   * Resolves with `performance.now()` when a sendMessage to `chatId` arrives (at once if one arrived unawaited);
   * rejects after `timeoutMs`. Call it before posting the update, so that later parts of a split reply are ignored.
   */
  firstReply(chatId: number, timeoutMs: number): Promise<number>;
  /** sendMessage calls received so far. */
  readonly sentMessages: () => number;
  close(): Promise<void>;
}

/** Starts the stand-in on a free loopback port. */
export async function startBotApiStandIn(): Promise<BotApiStandIn> {
  const arrived = new Map<number, number>();
  const waiters = new Map<number, (at: number) => void>();
  let messageId = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const method = /^\/bot[^/]+\/([A-Za-z]+)/.exec(request.url ?? '')?.[1] ?? '';
      const payload = parsePayload(Buffer.concat(chunks).toString('utf8'));
      let result: unknown = true;
      if (method === 'getMe') result = STAND_IN_BOT;
      else if (method === 'getWebhookInfo') result = { url: '', has_custom_certificate: false, pending_update_count: 0 };
      else if (method === 'getMyCommands') result = [];
      else if (method === 'sendMessage' || method === 'editMessageText') {
        const chatId = Number(payload.chat_id);
        messageId += 1;
        result = { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, text: String(payload.text ?? '') };
        const waiter = method === 'sendMessage' ? waiters.get(chatId) : undefined;
        if (waiter) {
          // Only the first part of a split reply: the waiter is gone for the next ones.
          waiters.delete(chatId);
          waiter(performance.now());
        } else if (method === 'sendMessage' && !arrived.has(chatId)) arrived.set(chatId, performance.now());
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let sent = 0;
  server.on('request', (request: http.IncomingMessage) => {
    if (request.url?.endsWith('/sendMessage')) sent += 1;
  });
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    firstReply: (chatId, timeoutMs) => {
      const at = arrived.get(chatId);
      if (at !== undefined) {
        arrived.delete(chatId);
        return Promise.resolve(at);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(chatId);
          reject(new Error(`no reply to chat ${chatId} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.set(chatId, (time) => {
          clearTimeout(timer);
          resolve(time);
        });
      });
    },
    sentMessages: () => sent,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function parsePayload(text: string): Record<string, unknown> {
  if (text.length === 0) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return Object.fromEntries(new URLSearchParams(text));
  }
}
