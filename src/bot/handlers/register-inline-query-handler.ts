import type { Telegraf } from 'telegraf';
import type { InlineKeyboardButton, InlineQueryResultArticle } from 'telegraf/types';
import type { AnswerResult } from '../../answer/answer-result.js';
import type { StoredArticle } from '../../store/article-store.js';
import type { BotRuntime } from '../bot-runtime.js';
import { languageOf, messagesFor, questionLanguage } from '../i18n/language.js';
import type { Messages } from '../i18n/messages.js';
import { raceTimeout } from '../middleware/race-timeout.js';
import { escapeHtml } from '../../telegram/escape-html.js';
import { renderAnswer } from '../render/render-answer.js';
import { shortenText } from '../../telegram/shorten-text.js';
import { renderSourceLine } from '../render/source-link.js';
import { citationChunkId } from './citation-chunk.js';

/** Source buttons per keyboard row under an inline answer. */
const SOURCE_BUTTONS_PER_ROW = 4;

/** Telegram drops inline answers that come after ~10 s; stay well inside. */
const INLINE_TIMEOUT_MS = 8_000;
/** Results are per user (language) and the archive changes; keep Telegram's cache short. */
const INLINE_CACHE_SECONDS = 10;
/** Longest title of an inline result (plain text, shown in the list of results). */
const INLINE_TITLE_CHARACTERS = 200;
/** Room left for the sources under an inline answer (message text is limited to 4096 characters). */
const INLINE_ANSWER_CHARACTERS = 3_000;

/**
 * `@botname query` in any chat: the cited answer first, then one result per cited article
 * (title, date, snippet) that posts its quoted passage with the source. An empty query lists the newest articles.
 */
export function registerInlineQueryHandler(bot: Telegraf, runtime: BotRuntime): void {
  const { archive, logger } = runtime.deps;
  bot.on('inline_query', async (ctx) => {
    const messages = messagesFor(ctx.from.language_code);
    const query = ctx.inlineQuery.query.trim();
    const answer = (results: InlineQueryResultArticle[]) =>
      ctx.answerInlineQuery(results, {
        cache_time: INLINE_CACHE_SECONDS,
        is_personal: true,
        // Nothing to offer: a button above the (empty) list opens a private chat instead.
        ...(results.length === 0 ? { button: { text: messages.inlineNoResultsButton, start_parameter: 'inline' } } : {}),
      });
    if (query.length === 0) {
      await answer(archive.store.latestArticles(10).map((article, index) => articleResult(article, index, messages)));
      return;
    }
    if ([...query].length > runtime.maxQuestionChars) {
      await answer([]);
      return;
    }
    const language = questionLanguage(query, languageOf(ctx.from.language_code));
    const outcome = await raceTimeout(archive.answerer.answer(query, { language }), Math.min(runtime.handlerTimeoutMs, INLINE_TIMEOUT_MS));
    if (outcome.timedOut) {
      logger.warn({ updateId: ctx.update.update_id }, 'inline answer timed out');
      await answer([]);
      return;
    }
    await answer(outcome.value.answered ? answerResults(outcome.value, messages, sourceKeyboard(outcome.value, runtime, messages)) : []);
  });
}

function answerResults(result: AnswerResult, messages: Messages, keyboard: InlineKeyboardButton[][]): InlineQueryResultArticle[] {
  const answerResult: InlineQueryResultArticle = {
    type: 'article',
    id: 'answer',
    title: messages.inlineAnswerTitle(shortenText(result.answer, 60)),
    description: shortenText(result.citations.map((citation) => citation.title).join(' · '), 120),
    input_message_content: htmlContent(renderAnswer(result, messages, INLINE_ANSWER_CHARACTERS)),
    ...(keyboard.length > 0 ? { reply_markup: { inline_keyboard: keyboard } } : {}),
  };
  const citationResults = result.citations.map(
    (citation): InlineQueryResultArticle => ({
      type: 'article',
      id: `c${citation.n}`,
      title: shortenText(citation.title, INLINE_TITLE_CHARACTERS),
      description: `${citation.date ?? messages.undated} · ${shortenText(citation.quote, 100)}`,
      input_message_content: htmlContent(
        `${renderSourceLine(citation, messages.undated)}\n<blockquote>${escapeHtml(shortenText(citation.quote, INLINE_ANSWER_CHARACTERS))}</blockquote>`,
      ),
    }),
  );
  return [answerResult, ...citationResults];
}

/** The same `src:` buttons as under a chat answer; pressed under a posted inline message, they show the passage in an alert. */
function sourceKeyboard(result: AnswerResult, runtime: BotRuntime, messages: Messages): InlineKeyboardButton[][] {
  const buttons: InlineKeyboardButton[] = [];
  for (const citation of result.citations) {
    const chunkId = citationChunkId(runtime.deps.archive.store, citation);
    if (chunkId !== null) buttons.push({ text: messages.passageButton(citation.n), callback_data: `src:${chunkId}:${citation.n}` });
  }
  const rows: InlineKeyboardButton[][] = [];
  for (let start = 0; start < buttons.length; start += SOURCE_BUTTONS_PER_ROW) rows.push(buttons.slice(start, start + SOURCE_BUTTONS_PER_ROW));
  return rows;
}

function articleResult(article: StoredArticle, index: number, messages: Messages): InlineQueryResultArticle {
  const lead = article.paragraphs.find((paragraph) => paragraph.trim().length > 0) ?? '';
  return {
    type: 'article',
    id: `a${index}`,
    title: shortenText(article.title, INLINE_TITLE_CHARACTERS),
    description: `${article.date ?? messages.undated} · ${shortenText(lead, 100)}`,
    input_message_content: htmlContent(`${renderSourceLine(article, messages.undated)}\n\n${escapeHtml(shortenText(lead, INLINE_ANSWER_CHARACTERS))}`),
  };
}

function htmlContent(html: string) {
  return { message_text: html, parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } };
}
