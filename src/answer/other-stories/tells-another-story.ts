import type { Passage } from '../../retrieval/passage.js';
import { normalizeForMatching } from '../../text/normalize-text.js';
import { namesMissingFrom } from './story-names.js';

/** A sentence and the passage it was read in. */
export interface SentenceInPassage {
  text: string;
  passage: Passage;
}

/**
 * Whether two answering sentences are about different stories of one kind (an attack in 北城, another in
 * 南港; 芦淞区's parking spaces and 天元区's) rather than one story reported twice (a figure a later article
 * updated): each, with its article's title, names a place, person or organisation that the other's passage
 * and title never mention. One-sided is not enough: a later report often adds a name to the same story.
 */
export function tellsAnotherStory(first: SentenceInPassage, second: SentenceInPassage): boolean {
  const whole = (item: SentenceInPassage): string => normalizeForMatching(`${item.passage.title}\n${item.passage.heading}\n${item.passage.text}`);
  const own = (item: SentenceInPassage): string => `${item.passage.title}\n${item.text}`;
  return namesMissingFrom(own(first), whole(second)).length > 0 && namesMissingFrom(own(second), whole(first)).length > 0;
}
