import type { Passage } from '../retrieval/passage.js';
import { normalizeForMatching } from '../text/normalize-text.js';
import { foldNumerals } from '../text/numbers/fold-numerals.js';
import type { ScoredSentence } from './score-sentences.js';
import type { ExpectedAnswer } from './expected-answer.js';
import { tellsAnotherStory } from './other-stories/tells-another-story.js';

/** One report of the asked-for figure: the sentence, its passage, and the figure as written. */
export interface Report {
  sentence: ScoredSentence;
  passage: Passage;
  value: string;
}

/** How close to the best a sentence from another article must score to count as a second report. */
const SECOND_REPORT_SHARE = 0.8;

/**
 * When the best sentences come from different dated articles and give different figures for what is asked
 * (8所 in one, 6所 in another), the reports in the order to tell them: newest first, so a figure that a later
 * article updated leads. Null when there is only one report, or they agree. A sentence about another story of
 * the same kind (`tellsAnotherStory`) is not a report of this one.
 */
export function findReports(scored: readonly ScoredSentence[], passages: readonly Passage[], expects: ExpectedAnswer = 'number'): Report[] | null {
  const best = scored[0];
  // A reason, a definition or another name is found by its marker (因为, 是指, 又名): the marker is no value to compare.
  if (!best || expects === 'reason' || expects === 'definition' || expects === 'alias') return null;
  const first = toReport(best, passages);
  if (!first) return null;
  for (const candidate of scored.slice(1, 12)) {
    if (candidate.score < best.score * SECOND_REPORT_SHARE) break;
    const second = toReport(candidate, passages);
    if (!second || second.passage.articleId === first.passage.articleId) continue;
    if (candidate.coverage + candidate.context < (best.coverage + best.context) * SECOND_REPORT_SHARE) continue;
    // Another event of the same kind (an attack elsewhere) is no report of this one's figure: see `findOtherStories`.
    if (tellsAnotherStory({ text: best.text, passage: first.passage }, { text: candidate.text, passage: second.passage })) continue;
    if (sameValue(first.value, second.value)) return null;
    return [first, second].sort((left, right) => (right.passage.date ?? '').localeCompare(left.passage.date ?? ''));
  }
  return null;
}

function toReport(sentence: ScoredSentence, passages: readonly Passage[]): Report | null {
  const passage = passages[sentence.passageIndex];
  const slot = sentence.slots[0];
  if (!passage?.date || !slot) return null;
  return { sentence, passage, value: slot.text };
}

/** Whether two written values are one (8所 and ８所, 1,200个 and 1200个). */
export function sameValue(left: string, right: string): boolean {
  const fold = (text: string): string => foldNumerals(normalizeForMatching(text)).replace(/[,，\s]/g, '');
  return fold(left) === fold(right);
}

/** 2024-09-02 → 9月2日, with the year when it differs from `otherYear`. */
export function reportDate(isoDate: string, otherYear: string | null): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return `${year !== otherYear ? `${year}年` : ''}${Number(month)}月${Number(day)}日`;
}
