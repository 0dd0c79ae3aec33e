import { jieba } from './jieba.js';
import { normalizeForMatching } from '../normalize-text.js';
import { memoByText } from '../memo-by-text.js';

/** A word as jieba cut it, with its part-of-speech tag. */
export interface TaggedWord {
  readonly word: string;
  readonly tag: string;
}

/**
 * Texts tagged lately: an answer compares its best sentence with each other candidate's, with their titles, for
 * names one story has and the other lacks (`tellsAnotherStory`), the same texts several times per question.
 */
const TAGGED_TEXTS_KEPT = 1024;

const tagged = memoByText((text): readonly TaggedWord[] => jieba().tag(normalizeForMatching(text), true), TAGGED_TEXTS_KEPT);

/** Normalizes and cuts text with jieba, with each word's part-of-speech tag (n noun, v verb, nr name…). */
export function tagWords(text: string): readonly TaggedWord[] {
  return tagged(text);
}
