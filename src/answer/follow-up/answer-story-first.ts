import type { AnswerOptions, AnswerResult } from '../answer-result.js';

/**
 * A follow-up keeps to the story of the previous answer: it is answered from the previous answer's articles alone
 * first, and from the whole archive (those articles still favoured) only when they do not answer it. Favouring
 * them in retrieval alone is not enough: another story that repeats more of the rewritten question's words
 * would still be quoted.
 */
export async function answerStoryFirst(
  answer: (question: string, options: AnswerOptions) => Promise<AnswerResult>,
  question: string,
  options: AnswerOptions,
): Promise<AnswerResult> {
  const story = options.preferArticleIds;
  if (!story || story.length === 0 || options.articleIds) return answer(question, options);
  const fromStory = await answer(question, { ...options, articleIds: story });
  return fromStory.answered ? fromStory : answer(question, options);
}
