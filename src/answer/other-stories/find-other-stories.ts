import type { Passage } from '../../retrieval/passage.js';
import type { QuestionProfile } from '../question-profile.js';
import type { ScoredSentence } from '../score-sentences.js';
import { trimSentence } from '../trim-sentence.js';
import { judgeStories, type JudgeStoriesOptions } from './judge-stories.js';
import type { OtherStory } from './other-story.js';

export interface FindOtherStoriesOptions extends JudgeStoriesOptions {
  /** Most other stories named (default 2). */
  maxStories?: number;
  /** Longest snippet in characters (default 60). */
  maxSnippetChars?: number;
}

export const OTHER_STORIES_DEFAULTS = { maxStories: 2, maxSnippetChars: 60 } as const;

/**
 * The other stories a question fits as well as the one it is answered from (`ranked[0]`, the best sentence),
 * best first, each with its answering sentence trimmed around the value it gives: the articles that answer
 * differently while nothing in the question separates them (the rule is `judgeStories`'s).
 */
export function findOtherStories(ranked: readonly ScoredSentence[], passages: readonly Passage[], profile: QuestionProfile, options: FindOtherStoriesOptions = {}): OtherStory[] {
  const terms = profile.units.map((unit) => unit.text);
  const maxSnippetChars = options.maxSnippetChars ?? OTHER_STORIES_DEFAULTS.maxSnippetChars;
  return judgeStories(ranked, passages, profile, options)
    .filter((story) => story.verdict === 'other')
    .slice(0, options.maxStories ?? OTHER_STORIES_DEFAULTS.maxStories)
    .map(({ sentence, passage }) => ({
      articleId: passage.articleId,
      title: passage.title,
      date: passage.date,
      snippet: trimSentence(sentence.text, maxSnippetChars, terms, () => 1, sentence.slots),
    }));
}
