import { describe, expect, test } from 'vitest';
import type { ReactionType } from 'telegraf/types';
import { reactionVote } from '../../../src/bot/feedback/reaction-vote.js';

const emoji = (...values: string[]): ReactionType[] => values.map((value) => ({ type: 'emoji', emoji: value }) as ReactionType);

describe('reactionVote', () => {
  test('the 👍 or 👎 just added wins; one still there counts; none keeps the vote (null)', () => {
    expect(reactionVote([], emoji('👍'))).toBe('up');
    expect(reactionVote(emoji('👍'), emoji('👎'))).toBe('down');
    expect(reactionVote(emoji('👍'), emoji('👍', '👎'))).toBe('down');
    expect(reactionVote(emoji('👎'), emoji('👎', '🔥'))).toBe('down');
    expect(reactionVote(emoji('👍'), [])).toBeNull();
    expect(reactionVote([], emoji('🔥', '❤'))).toBeNull();
    expect(reactionVote([], [{ type: 'custom_emoji', custom_emoji_id: '1' } as ReactionType])).toBeNull();
  });
});
