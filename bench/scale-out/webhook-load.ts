/**
 * Bounded load through the webhook path: `concurrency` questions in flight for `durationMs`, each posted to a
 * worker's webhook (round-robin) as Telegram would, and timed until its reply reaches the Bot API stand-in.
 */
import { latencyPercentiles, type LatencySummary } from '../../src/bench/latency-percentiles.js';
import type { BotApiStandIn } from '../../test/helpers/bot-api-stand-in.js';

export interface WebhookLoadOptions {
  /** Each worker's webhook URL (http://127.0.0.1:<port>/<path>). */
  webhookUrls: readonly string[];
  /** Sent as `X-Telegram-Bot-Api-Secret-Token`. */
  secret: string;
  api: BotApiStandIn;
  questions: readonly string[];
  concurrency: number;
  durationMs: number;
  /** Chat ids start here and grow by one per question (a new private chat each: no rate limit or memory shared). */
  firstChatId: number;
  /** A question without a reply after this long counts as failed. Default 30 s. */
  replyTimeoutMs?: number;
}

export interface WebhookLoadResult {
  workers: number;
  concurrency: number;
  seconds: number;
  answered: number;
  failed: number;
  questionsPerSecond: number;
  /** Update posted → reply received by the Bot API stand-in, in ms. */
  endToEnd: LatencySummary;
  /** Update posted → the webhook's HTTP response, in ms (telegraf answers once the update is handled). */
  webhookResponse: LatencySummary;
  /** Chat ids used (the next run starts after them). */
  chatIdsUsed: number;
}

/** Runs the load and summarises it; questions still in flight at the deadline are awaited and counted. */
export async function runWebhookLoad(options: WebhookLoadOptions): Promise<WebhookLoadResult> {
  const endToEnd: number[] = [];
  const webhookResponse: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const askOne = async (): Promise<void> => {
    const sequence = next++;
    const chatId = options.firstChatId + sequence;
    const url = options.webhookUrls[sequence % options.webhookUrls.length]!;
    const question = options.questions[sequence % options.questions.length]!;
    const reply = options.api.firstReply(chatId, options.replyTimeoutMs ?? 30_000);
    reply.catch(() => undefined);
    const posted = performance.now();
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': options.secret },
        body: JSON.stringify(update(chatId, question)),
      });
      await response.arrayBuffer();
      webhookResponse.push(performance.now() - posted);
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
      endToEnd.push((await reply) - posted);
    } catch {
      failed += 1;
    }
  };
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline) await askOne();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    workers: options.webhookUrls.length,
    concurrency: options.concurrency,
    seconds: Math.round(seconds * 100) / 100,
    answered: endToEnd.length,
    failed,
    questionsPerSecond: Math.round((endToEnd.length / seconds) * 10) / 10,
    endToEnd: latencyPercentiles(endToEnd),
    webhookResponse: latencyPercentiles(webhookResponse),
    chatIdsUsed: next,
  };
}

function update(chatId: number, text: string): Record<string, unknown> {
  return {
    update_id: chatId,
    message: {
      message_id: 1,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private', first_name: 'Reader' },
      from: { id: chatId, is_bot: false, first_name: 'Reader' },
      text,
    },
  };
}
