import type { BotContext } from '../shared/bot-context.js';
import type { AnswerResult } from '../../answer/answer-result.js';
import { answerSubject } from '../../answer/follow-up/answer-subject.js';
import { FOLLOW_UP_DEFAULTS, resolveFollowUp, type ResolveFollowUpResult } from '../../answer/follow-up/resolve-follow-up.js';
import type { BotRuntime } from '../bot-runtime.js';
import { escapeHtml } from '../../telegram/escape-html.js';

/**
 * The question to answer in this chat: a follow-up ("那去年呢？") made self-contained from the same reader's
 * previous question in the chat, when follow-ups are allowed here (a private chat, or a reply to the bot in a
 * group) and that question is recent; otherwise the question as asked. The state lives behind the chat-memory
 * port, so any worker resolves it.
 */
export async function resolveChatFollowUp(ctx: BotContext, runtime: BotRuntime, question: string, allowed: boolean): Promise<ResolveFollowUpResult> {
  const asked: ResolveFollowUpResult = { question, followUp: false, previousArticleIds: [] };
  if (!allowed || !ctx.chat || !ctx.from) return asked;
  const previous = await runtime.memory.context(ctx.chat.id, ctx.from.id, FOLLOW_UP_DEFAULTS.windowMs);
  return resolveFollowUp(question, previous, { now: Date.now(), windowMs: FOLLOW_UP_DEFAULTS.windowMs });
}

/** Remembers an answered question (as resolved), the articles it cited and the name it gave, for the reader's next follow-up. */
export async function rememberChatContext(ctx: BotContext, runtime: BotRuntime, question: string, result: AnswerResult): Promise<void> {
  if (!ctx.chat || !ctx.from || !result.answered) return;
  const subject = answerSubject(question, result.answer);
  await runtime.memory.rememberContext(ctx.chat.id, ctx.from.id, {
    question,
    articleIds: result.citations.map((citation) => citation.articleId),
    at: Date.now(),
    ...(subject !== null ? { subject } : {}),
  });
}

/** The line above a follow-up's answer showing how it was understood, so a wrong reading is visible at once. */
export function renderFollowUpLine(resolved: ResolveFollowUpResult): string {
  return resolved.followUp ? `<i>↪ ${escapeHtml(resolved.question)}</i>\n` : '';
}
