import type { Context } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { AnswerResult } from '../../answer/answer-result.js';
import type { BotRuntime } from '../bot-runtime.js';
import { languageOf, messagesFor, questionLanguage } from '../i18n/language.js';
import type { Messages } from '../i18n/messages.js';
import { raceTimeout } from '../middleware/race-timeout.js';
import { renderAnswer } from '../render/render-answer.js';
import { recordQuestion } from '../question-log/record-question.js';
import { groupReplyTarget, sendHtml } from '../reply/send-html.js';
import { isStreamingAnswerer, startStreamedAnswerMessage } from '../reply/streamed-answer-message.js';
import { startTyping } from '../reply/typing-indicator.js';
import { admitQuestion } from './admit-question.js';
import { rememberChatContext, renderFollowUpLine, resolveChatFollowUp } from './chat-follow-up.js';
import { citationChunkId } from './citation-chunk.js';
import { feedbackButtons } from './feedback-buttons.js';

/** Source buttons per keyboard row. */
const SOURCE_BUTTONS_PER_ROW = 4;

export interface AnswerQuestionOptions {
  /** Whether a short question may lean on the reader's previous one (private chats, replies to the bot). Default false. */
  followUp?: boolean;
}

/**
 * Answers one question in the current chat: checks length and rate limit, shows "typing…", asks the answerer
 * under the handler timeout, then replies with the cited answer and its buttons (or says nothing was found).
 */
export async function answerQuestion(ctx: Context, runtime: BotRuntime, rawQuestion: string, options: AnswerQuestionOptions = {}): Promise<void> {
  const messages = messagesFor(ctx.from?.language_code);
  const replyToMessageId = groupReplyTarget(ctx);
  const question = rawQuestion.trim();
  if (!(await admitQuestion(ctx, runtime, question, messages, replyToMessageId))) return;

  const { archive, logger } = runtime.deps;
  const stopTyping = startTyping(ctx, logger);
  const askedAt = new Date();
  const asked = { userId: ctx.from?.id ?? 0, chatType: ctx.chat?.type ?? 'private', text: question, askedAt };
  const latencyMs = () => Date.now() - askedAt.getTime();
  // With an LLM, one message shows the verified sentences as they arrive and becomes the answer.
  const stream = isStreamingAnswerer(archive.answerer) ? startStreamedAnswerMessage(ctx, archive.answerer, { placeholder: messages.answering, replyToMessageId, logger }) : null;
  const reply = async (html: string, keyboard?: InlineKeyboardButton[][]) => {
    if (stream) await stream.finish(html, keyboard ? { inline_keyboard: keyboard } : undefined);
    else await sendHtml(ctx, html, { replyToMessageId, ...(keyboard ? { keyboard: { inline_keyboard: keyboard } } : {}) });
  };
  try {
    const language = questionLanguage(question, languageOf(ctx.from?.language_code));
    const resolved = await resolveChatFollowUp(ctx, runtime, question, options.followUp ?? false);
    const answering = stream ? stream.answer(resolved.question, { language }) : archive.answerer.answer(resolved.question, { language });
    const outcome = await raceTimeout(answering, runtime.handlerTimeoutMs);
    if (outcome.timedOut) {
      logger.warn({ updateId: ctx.update.update_id, timeoutMs: runtime.handlerTimeoutMs }, 'answer timed out');
      await recordQuestion(runtime.deps, asked, { result: null, citedChunkIds: [], latencyMs: latencyMs() });
      await reply(messages.timedOut);
      return;
    }
    const result = outcome.value;
    if (!result.answered || result.answer.trim().length === 0) {
      await recordQuestion(runtime.deps, asked, { result, citedChunkIds: [], latencyMs: latencyMs() });
      await reply(messages.noAnswer);
      return;
    }
    const citedChunkIds = result.citations.map((citation) => citationChunkId(archive.store, citation)).filter((chunkId): chunkId is number => chunkId !== null);
    const logId = await recordQuestion(runtime.deps, asked, { result, citedChunkIds, latencyMs: latencyMs() });
    if (ctx.chat)
      await runtime.memory.rememberListedArticles(
        ctx.chat.id,
        result.citations.map((citation) => citation.articleId),
      );
    await rememberChatContext(ctx, runtime, resolved.question, result);
    // Bound to this chat (and in a private chat to this reader): nobody else's press opens it.
    const moreKey =
      ctx.chat && ctx.from
        ? await runtime.memory.rememberQuestion(
            { question: resolved.question, shownArticleIds: result.citations.map((citation) => citation.articleId) },
            { chatId: ctx.chat.id, userId: ctx.from.id, privateChat: ctx.chat.type === 'private' },
          )
        : null;
    const keyboard = answerKeyboard(result, runtime, messages, moreKey);
    if (logId !== null && ctx.chat && ctx.from) keyboard.push(feedbackButtons(logId, { chatId: ctx.chat.id, userId: ctx.from.id }, runtime.deps.readerKeys));
    await reply(renderFollowUpLine(resolved) + renderAnswer(result, messages), keyboard);
  } finally {
    stopTyping();
  }
}

function answerKeyboard(result: AnswerResult, runtime: BotRuntime, messages: Messages, moreKey: string | null): InlineKeyboardButton[][] {
  const sourceButtons: InlineKeyboardButton[] = [];
  for (const citation of result.citations) {
    const chunkId = citationChunkId(runtime.deps.archive.store, citation);
    if (chunkId !== null) sourceButtons.push({ text: messages.passageButton(citation.n), callback_data: `src:${chunkId}:${citation.n}` });
  }
  const rows: InlineKeyboardButton[][] = [];
  for (let start = 0; start < sourceButtons.length; start += SOURCE_BUTTONS_PER_ROW) {
    rows.push(sourceButtons.slice(start, start + SOURCE_BUTTONS_PER_ROW));
  }
  if (moreKey !== null) rows.push([{ text: messages.moreResultsButton, callback_data: `more:${moreKey}` }]);
  return rows;
}
