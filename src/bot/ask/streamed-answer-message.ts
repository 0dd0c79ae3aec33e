import type { BotContext } from '../shared/bot-context.js';
import type { InlineKeyboardMarkup, Message } from 'telegraf/types';
import type { Answerer, AnswerOptions, AnswerResult } from '../../answer/answer-result.js';
import type { LlmAnswerer } from '../../answer/llm/create-llm-answerer.js';
import type { Logger } from '../../log/logger.js';
import { escapeHtml } from '../../telegram/escape-html.js';
import { splitHtmlMessage, TELEGRAM_MESSAGE_LIMIT } from '../../telegram/split-html-message.js';
import { sendHtml } from '../shared/reply/send-html.js';

/** Options for {@link startStreamedAnswerMessage}; defaults in `DEFAULTS`. */
export interface StreamedAnswerMessageOptions {
  /** Shown at once, before any sentence is verified (HTML). */
  placeholder: string;
  replyToMessageId?: number;
  logger: Logger;
  /** Least time between two edits (Telegram limits edits; about one a second is safe). Default 1000 ms. */
  minEditIntervalMs?: number;
}

const DEFAULTS = { minEditIntervalMs: 1_000 } as const;
/** Marks text still being written. */
const WRITING_MARK = ' …';

/** One answer message that grows as verified sentences arrive, then becomes the final answer. */
export interface StreamedAnswerMessage {
  /** Runs the streaming answerer; every verified partial text is shown by an edit (throttled). */
  answer(question: string, options: AnswerOptions): Promise<AnswerResult>;
  /**
   * Replaces the message with the final HTML (the first part when it needs several messages) and its keyboard;
   * resolves the ids of the messages that now carry the answer.
   */
  finish(html: string, keyboard?: InlineKeyboardMarkup): Promise<number[]>;
}

/** Whether an answerer can stream verified partial answers (the LLM answerer can). */
export function isStreamingAnswerer(answerer: Answerer): answerer is LlmAnswerer {
  return typeof (answerer as Partial<LlmAnswerer>).answerStreaming === 'function';
}

/**
 * Sends the placeholder message right away and returns the handle that edits it. Only text that the answerer
 * has verified is ever shown: partials come from `answerStreaming`, which checks each sentence before reporting it.
 * Edits run one at a time, at most one per `minEditIntervalMs`; a failed edit is logged and the next one carries on.
 */
export function startStreamedAnswerMessage(ctx: BotContext, answerer: LlmAnswerer, options: StreamedAnswerMessageOptions): StreamedAnswerMessage {
  const minEditIntervalMs = options.minEditIntervalMs ?? DEFAULTS.minEditIntervalMs;
  const { logger } = options;
  let shownHtml = options.placeholder;
  let pendingHtml: string | null = null;
  let lastEditAt = Date.now();
  let timer: NodeJS.Timeout | null = null;
  let finished = false;
  let queue: Promise<unknown> = Promise.resolve();
  const sent = sendHtml(ctx, options.placeholder, { replyToMessageId: options.replyToMessageId })
    .then((messages) => messages[0] ?? null)
    .catch((error: unknown) => {
      logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'could not send the first answer message');
      return null;
    });

  const edit = (html: string, keyboard?: InlineKeyboardMarkup) => {
    const run = queue.then(async () => {
      const message = await sent;
      if (!message || !ctx.chat) return false;
      if (html === shownHtml && !keyboard) return true;
      try {
        await ctx.telegram.editMessageText(ctx.chat.id, message.message_id, undefined, html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(keyboard ? { reply_markup: keyboard } : {}),
        });
        shownHtml = html;
        lastEditAt = Date.now();
        return true;
      } catch (error) {
        logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'could not edit the answer message');
        return false;
      }
    });
    queue = run;
    return run;
  };

  const flush = () => {
    timer = null;
    if (finished || pendingHtml === null) return;
    const html = pendingHtml;
    pendingHtml = null;
    void edit(html);
  };

  const showPartial = (verifiedText: string) => {
    if (finished) return;
    const html = `${escapeHtml(verifiedText.trim())}${WRITING_MARK}`;
    if (html.length > TELEGRAM_MESSAGE_LIMIT) return; // the final answer is split; partials just stop growing
    pendingHtml = html;
    if (timer) return;
    timer = setTimeout(flush, Math.max(0, lastEditAt + minEditIntervalMs - Date.now()));
  };

  return {
    answer: (question, answerOptions) => answerer.answerStreaming(question, showPartial, answerOptions),
    async finish(html, keyboard) {
      finished = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const [first = '', ...rest] = splitHtmlMessage(html);
      const edited = await edit(first, rest.length === 0 ? keyboard : undefined);
      const ids = (sentMessages: readonly Message.TextMessage[]) => sentMessages.map((message) => message.message_id);
      if (!edited) {
        // The placeholder never arrived (or cannot be edited): send the answer as new messages instead.
        return ids(await sendHtml(ctx, html, { replyToMessageId: options.replyToMessageId, ...(keyboard ? { keyboard } : {}) }));
      }
      const firstId = (await sent)!.message_id;
      return rest.length > 0 ? [firstId, ...ids(await sendHtml(ctx, rest.join('\n'), { ...(keyboard ? { keyboard } : {}) }))] : [firstId];
    },
  };
}
