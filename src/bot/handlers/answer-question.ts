import type { Context } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { AnswerResult } from '../../answer/answer-result.js';
import type { BotRuntime } from '../bot-runtime.js';
import { languageOf, messagesFor, questionLanguage } from '../i18n/language.js';
import type { Messages } from '../i18n/messages.js';
import { raceTimeout } from '../middleware/race-timeout.js';
import { renderAnswer } from '../render/render-answer.js';
import { groupReplyTarget, sendHtml } from '../reply/send-html.js';
import { startTyping } from '../reply/typing-indicator.js';
import { admitQuestion } from './admit-question.js';
import { citationChunkId } from './citation-chunk.js';

/** Source buttons per keyboard row. */
const SOURCE_BUTTONS_PER_ROW = 4;

/**
 * Answers one question in the current chat: checks length and rate limit, shows "typing…", asks the answerer
 * under the handler timeout, then replies with the cited answer and its buttons (or says nothing was found).
 */
export async function answerQuestion(ctx: Context, runtime: BotRuntime, rawQuestion: string): Promise<void> {
  const messages = messagesFor(ctx.from?.language_code);
  const replyToMessageId = groupReplyTarget(ctx);
  const question = rawQuestion.trim();
  if (!(await admitQuestion(ctx, runtime, question, messages, replyToMessageId))) return;

  const { archive, logger } = runtime.deps;
  const stopTyping = startTyping(ctx, logger);
  try {
    const language = questionLanguage(question, languageOf(ctx.from?.language_code));
    const outcome = await raceTimeout(archive.answerer.answer(question, { language }), runtime.handlerTimeoutMs);
    if (outcome.timedOut) {
      logger.warn({ updateId: ctx.update.update_id, timeoutMs: runtime.handlerTimeoutMs }, 'answer timed out');
      await sendHtml(ctx, messages.timedOut, { replyToMessageId });
      return;
    }
    const result = outcome.value;
    if (!result.answered || result.answer.trim().length === 0) {
      await sendHtml(ctx, messages.noAnswer, { replyToMessageId });
      return;
    }
    if (ctx.chat)
      await runtime.memory.rememberListedArticles(
        ctx.chat.id,
        result.citations.map((citation) => citation.articleId),
      );
    const moreKey = await runtime.memory.rememberQuestion({ question, shownArticleIds: result.citations.map((citation) => citation.articleId) });
    await sendHtml(ctx, renderAnswer(result, messages), {
      replyToMessageId,
      keyboard: { inline_keyboard: answerKeyboard(result, runtime, messages, moreKey) },
    });
  } finally {
    stopTyping();
  }
}

function answerKeyboard(result: AnswerResult, runtime: BotRuntime, messages: Messages, moreKey: string): InlineKeyboardButton[][] {
  const sourceButtons: InlineKeyboardButton[] = [];
  for (const citation of result.citations) {
    const chunkId = citationChunkId(runtime.deps.archive.store, citation);
    if (chunkId !== null) sourceButtons.push({ text: messages.passageButton(citation.n), callback_data: `src:${chunkId}:${citation.n}` });
  }
  const rows: InlineKeyboardButton[][] = [];
  for (let start = 0; start < sourceButtons.length; start += SOURCE_BUTTONS_PER_ROW) {
    rows.push(sourceButtons.slice(start, start + SOURCE_BUTTONS_PER_ROW));
  }
  rows.push([{ text: messages.moreResultsButton, callback_data: `more:${moreKey}` }]);
  return rows;
}
