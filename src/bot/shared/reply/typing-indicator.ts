import type { BotContext } from '../bot-context.js';
import type { Logger } from '../../../log/logger.js';

/** Telegram shows a chat action for about 5 seconds; refresh a little before it fades. */
const REFRESH_MS = 4_000;

/**
 * Shows "typing…" in the chat until the returned function is called. Failures are logged and ignored:
 * the indicator is a courtesy and must never stop an answer.
 */
export function startTyping(ctx: BotContext, logger: Logger): () => void {
  if (!ctx.chat) return () => {};
  const send = () => {
    ctx.sendChatAction('typing').catch((error: unknown) => {
      logger.debug({ error: error instanceof Error ? error.message : String(error) }, 'typing indicator failed');
    });
  };
  send();
  const timer = setInterval(send, REFRESH_MS);
  return () => clearInterval(timer);
}
