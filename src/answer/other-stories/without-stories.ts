import type { Passage } from '../../retrieval/passage.js';
import type { QuestionProfile } from '../question-profile.js';
import type { ScoredSentence } from '../score-sentences.js';
import { judgeStories } from './judge-stories.js';
import type { OtherStory } from './other-story.js';

/**
 * The ranked sentences the answer itself may quote: none from an article named as another story, nor from one
 * the question rules out (it answers differently and lacks a word the question names; see `judgeStories`), so a
 * runner-up never glues a second event's figure onto the first's.
 */
export function withoutStories(ranked: readonly ScoredSentence[], passages: readonly Passage[], profile: QuestionProfile, named: readonly OtherStory[]): readonly ScoredSentence[] {
  const left = new Set(named.map((story) => story.articleId));
  for (const story of judgeStories(ranked, passages, profile)) if (story.verdict === 'ruled-out') left.add(story.passage.articleId);
  if (left.size === 0) return ranked;
  return ranked.filter((sentence) => !left.has(passages[sentence.passageIndex]?.articleId ?? ''));
}
