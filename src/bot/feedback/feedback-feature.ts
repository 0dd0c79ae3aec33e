import type { BotFeature } from '../shared/bot-feature.js';
import type { BotContext } from '../shared/bot-context.js';
import { Composer } from 'telegraf';
import { metrics } from '../../log/metrics.js';
import type { FeedbackVote } from '../../store/answer-feedback-store.js';
import type { BotRuntime } from '../bot-runtime.js';
import { FEEDBACK_PATTERN, isOwnVoteButton } from '../shared/feedback-buttons.js';
import { reactionVote } from './reaction-vote.js';

/**
 * 👍 / 👎 under answers (`fb:<question log id>:up|down:<signature>`): only the reader who asked may vote, in the
 * chat where it was asked; one vote per answer, a second press replaces the first. The reader is stored only as the
 * keyed hash. A button pressed by anyone else, a hand-made one, or one whose log entry is gone (forgotten, past
 * retention) gets the same "expired" reply, so a press tells nobody which ids exist.
 *
 * A 👍 / 👎 reaction on the answer message (`message_reaction` updates) is the same vote: the same store, one vote per
 * reader and answer, counted only from the reader who asked; a changed reaction replaces the vote, a removed one keeps
 * it (as the buttons cannot take a vote back). Reactions are answered with nothing.
 */
export function feedbackFeature(runtime: BotRuntime): BotFeature {
  const composer = new Composer<BotContext>();
  const { answerFeedback, readerKeys } = runtime.deps;
  composer.action(FEEDBACK_PATTERN, async (ctx) => {
    const messages = ctx.messages;
    const questionId = Number(ctx.match[1]);
    const vote = ctx.match[2] as FeedbackVote;
    const chat = ctx.callbackQuery.message?.chat;
    const own = chat !== undefined && isOwnVoteButton(questionId, ctx.match[3]!, { chatId: chat.id, userId: ctx.from.id }, readerKeys);
    // The store checks too that the entry is this reader's: a vote never lands on someone else's question.
    const recorded = own && (await answerFeedback.vote(questionId, readerKeys.reader(ctx.from.id), vote, new Date()));
    if (!recorded) {
      await ctx.answerCbQuery(messages.buttonExpired);
      return;
    }
    metrics.feedbackVotes.inc({ vote });
    await ctx.answerCbQuery(messages.feedbackThanks);
  });
  composer.on('message_reaction', async (ctx) => {
    const { chat, message_id: messageId, user, old_reaction: oldReaction, new_reaction: newReaction } = ctx.messageReaction;
    const vote = reactionVote(oldReaction, newReaction);
    // An anonymous group admin reacts as the chat: no reader to count.
    if (!user || vote === null) return;
    const questionId = await answerFeedback.answeredQuestion(readerKeys.chat(chat.id), messageId);
    if (questionId === null) return;
    if (await answerFeedback.vote(questionId, readerKeys.reader(user.id), vote, new Date())) metrics.feedbackVotes.inc({ vote });
  });
  return { composer, menu: [] };
}
