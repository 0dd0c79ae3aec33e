import type { BotContext } from '../bot-context.js';
import type { MiddlewareFn } from 'telegraf';
import type { Logger } from '../../../log/logger.js';
import type { ReaderKeys } from '../../../question-log/reader-keys.js';
import { groupReplyTarget, sendHtml } from '../reply/send-html.js';
import type { RateLimitDecision, SlidingWindowRateLimiter } from './rate-limiter.js';
import { rateLimitedRequest } from './rate-limited-request.js';

/** Options for {@link rateLimitGuard}. */
export interface RateLimitGuardOptions {
  limiter: SlidingWindowRateLimiter;
  /** RATE_LIMIT_PER_MINUTE: what one user may make the bot send per window, on every path together. */
  perUser: number;
  /** RATE_LIMIT_PER_CHAT_PER_MINUTE: what one chat may be sent per window, whoever asks. */
  perChat: number;
  /** Windows are keyed by these hashes, never by Telegram ids. */
  keys: ReaderKeys;
  logger: Logger;
}

/**
 * The one rate limit in front of everything a user can make the bot send: questions, commands (`/source` pages
 * included), inline queries and every button. Each request takes a slot of the user's window and of the chat's, so
 * neither one reader nor a whole group can flood a chat through any path. A refused message gets one "slow down"
 * per window, then silence; a refused button press a short alert; a refused inline query an empty list; a refused
 * reaction (a vote) is dropped in silence.
 */
export function rateLimitGuard(options: RateLimitGuardOptions): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const request = rateLimitedRequest(ctx.update, ctx.botInfo);
    if (request === null) return next();
    const user = options.keys.reader(request.userId);
    let decision = await options.limiter.take(`user:${user}`, options.perUser);
    let window = 'user';
    if (decision.allowed && request.chatId !== null) {
      decision = await options.limiter.take(`chat:${options.keys.chat(request.chatId)}`, options.perChat);
      window = 'chat';
    }
    if (decision.allowed) return next();
    options.logger.info({ reader: user, window, kind: request.kind, retryAfterSeconds: decision.retryAfterSeconds }, 'rate limited');
    await refuse(ctx, request.kind, decision);
  };
}

async function refuse(ctx: BotContext, kind: 'message' | 'button' | 'inline' | 'reaction', decision: Extract<RateLimitDecision, { allowed: false }>): Promise<void> {
  const messages = ctx.messages;
  if (kind === 'button') await ctx.answerCbQuery(messages.slowDown(decision.retryAfterSeconds));
  else if (kind === 'inline') await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true });
  else if (kind === 'message' && decision.firstRefusal) await sendHtml(ctx, messages.slowDown(decision.retryAfterSeconds), { replyToMessageId: groupReplyTarget(ctx) });
}
