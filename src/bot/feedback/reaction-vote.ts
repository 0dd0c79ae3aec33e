import type { ReactionType } from 'telegraf/types';
import type { FeedbackVote } from '../../store/answer-feedback-store.js';

const VOTES: Record<string, FeedbackVote> = { '👍': 'up', '👎': 'down' };

/**
 * The vote a reaction change gives: the 👍 or 👎 just added (a reader with several reactions may keep an older one
 * beside it), else the one still there; null when neither is (removed, or another emoji): the recorded vote stays.
 */
export function reactionVote(oldReaction: readonly ReactionType[], newReaction: readonly ReactionType[]): FeedbackVote | null {
  const emoji = (reaction: ReactionType) => (reaction.type === 'emoji' ? reaction.emoji : '');
  const before = new Set(oldReaction.map(emoji));
  const votes = newReaction.map(emoji).filter((value) => value in VOTES);
  const added = votes.find((value) => !before.has(value));
  const chosen = added ?? votes[0];
  return chosen === undefined ? null : VOTES[chosen]!;
}
