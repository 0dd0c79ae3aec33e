import type { BotFeature } from '../shared/bot-feature.js';
import type { BotContext } from '../shared/bot-context.js';
import { Composer } from 'telegraf';
import type { InlineKeyboardButton, InlineQueryResultArticle } from 'telegraf/types';
import type { AnswerResult } from '../../answer/answer-result.js';
import type { StoredArticle } from '../../store/article-store.js';
import type { BotRuntime } from '../bot-runtime.js';
import { questionLanguage } from '../shared/i18n/language.js';
import type { Messages } from '../shared/i18n/messages.js';
import { raceTimeout } from '../shared/race-timeout.js';
import { escapeHtml } from '../../telegram/escape-html.js';
import { renderAnswer } from '../shared/render/render-answer.js';
import { shortenText } from '../../telegram/shorten-text.js';
import { renderSourceLine } from '../shared/render/source-link.js';
import { passageButtonRows } from '../shared/passage-buttons.js';

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
export function inlineFeature(runtime: BotRuntime): BotFeature {
  const composer = new Composer<BotContext>();
  const { answerer, articles, logger } = runtime.deps;
  composer.on('inline_query', async (ctx) => {
    const messages = ctx.messages;
    const query = ctx.inlineQuery.query.trim();
    const answer = (results: InlineQueryResultArticle[]) =>
      ctx.answerInlineQuery(results, {
        cache_time: INLINE_CACHE_SECONDS,
        is_personal: true,
        // Nothing to offer: a button above the (empty) list opens a private chat instead.
        ...(results.length === 0 ? { button: { text: messages.inlineNoResultsButton, start_parameter: 'inline' } } : {}),
      });
    if (query.length === 0) {
      await answer(articles.latestArticles(10).map((article, index) => articleResult(article, index, messages)));
      return;
    }
    if ([...query].length > runtime.maxQuestionChars) {
      await answer([]);
      return;
    }
    const language = questionLanguage(query, ctx.language);
    const outcome = await raceTimeout(answerer.answer(query, { language }), Math.min(runtime.handlerTimeoutMs, INLINE_TIMEOUT_MS));
    if (outcome.timedOut) {
      logger.warn({ updateId: ctx.update.update_id }, 'inline answer timed out');
      await answer([]);
      return;
    }
    await answer(outcome.value.answered ? answerResults(outcome.value, messages, passageButtonRows(outcome.value.citations, messages)) : []);
  });
  return { composer, menu: [] };
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
