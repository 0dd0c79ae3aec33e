import { rememberListedArticles } from '../shared/remember-listed-articles.js';
import type { BotContext } from '../shared/bot-context.js';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { AnswerOptions, AnswerResult } from '../../answer/answer-result.js';
import type { BotRuntime } from '../bot-runtime.js';
import { questionLanguage } from '../shared/i18n/language.js';
import type { Messages } from '../shared/i18n/messages.js';
import { raceTimeout } from '../shared/race-timeout.js';
import { otherStoryButtons } from './other-story-buttons.js';
import { renderOtherStories } from './render-other-stories.js';
import { renderAnswer } from '../shared/render/render-answer.js';
import { recordQuestion } from '../../question-log/record-question.js';
import { groupReplyTarget, sendHtml } from '../shared/reply/send-html.js';
import { isStreamingAnswerer, startStreamedAnswerMessage } from './streamed-answer-message.js';
import { startDraftAnswerMessage } from './draft-answer-message.js';
import { startTyping } from '../shared/reply/typing-indicator.js';
import { admitQuestion } from './admit-question.js';
import { rememberChatContext, renderFollowUpLine, resolveChatFollowUp } from './chat-follow-up.js';
import { passageButtonRows } from '../shared/passage-buttons.js';
import { feedbackButtons } from '../shared/feedback-buttons.js';
import { rememberAnswerMessages } from '../shared/remember-answer-messages.js';
import { followButtonData } from '../shared/follow-button-data.js';
import { questionTopic } from '../../answer/question-topic.js';
import { answerStoryFirst } from '../../answer/follow-up/answer-story-first.js';

export interface AnswerQuestionOptions {
  /** Whether a short question may lean on the reader's previous one (private chats, replies to the bot). Default false. */
  followUp?: boolean;
  /** Answer from this article alone (a button asking about another story). Default: the whole archive. */
  articleId?: string;
}

/**
 * Answers one question in the current chat (its rate limits were taken before, by `rateLimitGuard`): checks its
 * length, shows "typing…", asks the answerer under the handler timeout, then replies with the cited answer, the other
 * stories it fits (另有报道) and its buttons (or says nothing was found).
 */
export async function answerQuestion(ctx: BotContext, runtime: BotRuntime, rawQuestion: string, options: AnswerQuestionOptions = {}): Promise<void> {
  const messages = ctx.messages;
  const replyToMessageId = groupReplyTarget(ctx);
  const question = rawQuestion.trim();
  if (!(await admitQuestion(ctx, runtime, question, messages, replyToMessageId))) return;

  const { answerer, articles, logger } = runtime.deps;
  const stopTyping = startTyping(ctx, logger);
  const askedAt = new Date();
  const asked = { userId: ctx.from?.id ?? 0, chatType: ctx.chat?.type ?? 'private', text: question, askedAt };
  const latencyMs = () => Date.now() - askedAt.getTime();
  // With an LLM, the verified sentences show as they arrive, then become the answer.
  // In a private chat, as drafts (Bot API 9.3) where the API has them.
  const stream = isStreamingAnswerer(answerer)
    ? ((await startDraftAnswerMessage(ctx, answerer, { placeholder: messages.answering, support: runtime.draftSupport, logger })) ??
      startStreamedAnswerMessage(ctx, answerer, { placeholder: messages.answering, replyToMessageId, logger }))
    : null;
  // Resolves the ids of the messages that carry the reply.
  const reply = async (html: string, keyboard?: InlineKeyboardButton[][]): Promise<number[]> => {
    if (stream) return stream.finish(html, keyboard ? { inline_keyboard: keyboard } : undefined);
    const sent = await sendHtml(ctx, html, { replyToMessageId, ...(keyboard ? { keyboard: { inline_keyboard: keyboard } } : {}) });
    return sent.map((message) => message.message_id);
  };
  try {
    const language = questionLanguage(question, ctx.language);
    const resolved = await resolveChatFollowUp(ctx, runtime, question, options.followUp ?? false);
    // A follow-up is answered from the previous answer's story first, so "她…" stays with the same story.
    const answerOptions: AnswerOptions = {
      language,
      ...(options.articleId ? { articleIds: [options.articleId] } : {}),
      ...(resolved.followUp ? { preferArticleIds: resolved.previousArticleIds } : {}),
    };
    const answering = stream ? stream.answer(resolved.question, answerOptions) : answerStoryFirst((text, scope) => answerer.answer(text, scope), resolved.question, answerOptions);
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
    const citedChunkIds = result.citations.map((citation) => citation.chunkId);
    const logId = await recordQuestion(runtime.deps, asked, { result, citedChunkIds, latencyMs: latencyMs() });
    await rememberListedArticles(
      ctx,
      runtime.memory,
      result.citations.map((citation) => citation.articleId),
    );
    await rememberChatContext(ctx, runtime, resolved.question, result);
    // Bound to this chat (and in a private chat to this reader): nobody else's press opens it.
    const moreKey =
      ctx.chat && ctx.from
        ? await runtime.memory.rememberQuestion(
            { question: resolved.question, shownArticleIds: result.citations.map((citation) => citation.articleId) },
            { chatId: ctx.chat.id, userId: ctx.from.id, readerOnly: ctx.chat.type === 'private' },
          )
        : null;
    const keyboard = [
      ...answerKeyboard(result, messages, moreKey, resolved.question),
      ...(await otherStoryButtons(ctx, runtime, resolved.question, result.otherStories, messages)),
    ];
    if (logId !== null && ctx.chat && ctx.from) keyboard.push(feedbackButtons(logId, { chatId: ctx.chat.id, userId: ctx.from.id }, runtime.deps.readerKeys));
    const heading = options.articleId
      ? `${messages.aboutStory(articles.getArticle(options.articleId)?.title ?? options.articleId, resolved.question)}\n`
      : renderFollowUpLine(resolved);
    const answerMessageIds = await reply(heading + renderAnswer(result, messages) + renderOtherStories(result.otherStories, messages), keyboard);
    if (logId !== null) await rememberAnswerMessages(ctx, runtime, logId, answerMessageIds);
  } finally {
    stopTyping();
  }
}

function answerKeyboard(result: AnswerResult, messages: Messages, moreKey: string | null, question: string): InlineKeyboardButton[][] {
  const rows = passageButtonRows(result.citations, messages);
  const below: InlineKeyboardButton[] = [];
  if (moreKey !== null) below.push({ text: messages.moreResultsButton, callback_data: `more:${moreKey}` });
  // What the question is about, to hear of its next reports (/follow).
  const topic = questionTopic(question);
  const follow = topic === null ? null : followButtonData(topic);
  if (follow !== null) below.push({ text: messages.followTopicButton, callback_data: follow });
  if (below.length > 0) rows.push(below);
  return rows;
}
