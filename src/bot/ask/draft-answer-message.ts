import { randomInt } from 'node:crypto';
import type { BotContext } from '../shared/bot-context.js';
import type { LlmAnswerer } from '../../answer/llm/create-llm-answerer.js';
import type { Logger } from '../../log/logger.js';
import { escapeHtml } from '../../telegram/escape-html.js';
import { isMethodMissing } from '../../telegram/is-method-missing.js';
import { TELEGRAM_MESSAGE_LIMIT } from '../../telegram/split-html-message.js';
import { sendHtml } from '../shared/reply/send-html.js';
import type { StreamedAnswerMessage } from './streamed-answer-message.js';

/** Whether the Bot API serves sendMessageDraft: assumed until it answers "method not found", then never asked again. */
export interface DraftSupport {
  available: boolean;
}

/** Options for {@link startDraftAnswerMessage}; defaults in `DEFAULTS`. */
export interface DraftAnswerMessageOptions {
  /** Shown at once as the draft, before any sentence is verified (HTML). */
  placeholder: string;
  support: DraftSupport;
  logger: Logger;
  /** Least time between two drafts. Default 1000 ms, as for edits. */
  minDraftIntervalMs?: number;
}

const DEFAULTS = { minDraftIntervalMs: 1_000 } as const;
/** Marks text still being written. */
const WRITING_MARK = ' …';

/**
 * Bot API 9.3's streamed drafts in a private chat: the verified partial answer is shown as a draft (sendMessageDraft,
 * one `draft_id`, throttled), then the answer is sent once as a real message with its keyboard. Resolves null where
 * drafts cannot be used (not a private chat, or the API lacks the method: remembered in `support` for the rest of the
 * process) so the caller edits a message in place instead. A failed draft later on is logged; the final message
 * is sent all the same.
 */
export async function startDraftAnswerMessage(ctx: BotContext, answerer: LlmAnswerer, options: DraftAnswerMessageOptions): Promise<StreamedAnswerMessage | null> {
  const chat = ctx.chat;
  if (!options.support.available || chat?.type !== 'private') return null;
  const { logger } = options;
  const minDraftIntervalMs = options.minDraftIntervalMs ?? DEFAULTS.minDraftIntervalMs;
  const draftId = randomInt(1, 2 ** 31 - 1);
  const sendDraft = (html: string) => ctx.telegram.callApi('sendMessageDraft' as never, { chat_id: chat.id, draft_id: draftId, text: html, parse_mode: 'HTML' } as never);
  try {
    await sendDraft(options.placeholder);
  } catch (error) {
    if (isMethodMissing(error)) {
      options.support.available = false;
      logger.info('the Bot API has no sendMessageDraft; answers stream by editing a message instead');
    } else {
      logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'could not send the answer draft; editing a message instead');
    }
    return null;
  }
  let lastDraftAt = Date.now();
  let pendingHtml: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let finished = false;
  let drafting: Promise<unknown> = Promise.resolve();

  const flush = () => {
    timer = null;
    if (finished || pendingHtml === null) return;
    const html = pendingHtml;
    pendingHtml = null;
    lastDraftAt = Date.now();
    drafting = drafting.then(() =>
      sendDraft(html).catch((error: unknown) => logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'could not update the answer draft')),
    );
  };

  const showPartial = (verifiedText: string) => {
    const html = `${escapeHtml(verifiedText.trim())}${WRITING_MARK}`;
    if (finished || html.length > TELEGRAM_MESSAGE_LIMIT) return;
    pendingHtml = html;
    timer ??= setTimeout(flush, Math.max(0, lastDraftAt + minDraftIntervalMs - Date.now()));
  };

  return {
    answer: (question, answerOptions) => answerer.answerStreaming(question, showPartial, answerOptions),
    async finish(html, keyboard) {
      finished = true;
      if (timer) clearTimeout(timer);
      await drafting;
      const sent = await sendHtml(ctx, html, keyboard ? { keyboard } : {});
      return sent.map((message) => message.message_id);
    },
  };
}
