import type { Passage } from '../../retrieval/passage.js';
import { normalizeForMatching } from '../../text/normalize-text.js';
import { foldNumerals } from '../../text/numbers/fold-numerals.js';
import { matchUnit } from '../match-unit.js';
import type { QuestionProfile } from '../question-profile.js';
import type { ScoredSentence } from '../score-sentences.js';
import { sameValue } from '../several-reports.js';
import { tellsAnotherStory } from './tells-another-story.js';

export interface JudgeStoriesOptions {
  /** Least share of the best sentence's fit (coverage + context) another story's sentence must reach (default 0.8). */
  minFitShare?: number;
  /** Ranked sentences looked through, best first (default 24). */
  depth?: number;
}

export const JUDGE_STORIES_DEFAULTS = { minFitShare: 0.8, depth: 24 } as const;

/** Another article that answers the question differently from the best sentence's, and what to do with it. */
export interface StoryVerdict {
  /** `other`: it fits the question as well, so it is named (另有报道); `ruled-out`: the question is not about it. */
  verdict: 'other' | 'ruled-out';
  sentence: ScoredSentence;
  passage: Passage;
}

/**
 * Kinds of answer compared by value. A reason, a definition or another name is found by its marker (因为, 是指,
 * 又名) and a place by its suffix (区, 广场): no value to compare (芦淞区 and 天元区 both give 区).
 */
const COMPARED = new Set(['number', 'date', 'person']);
/** A distinctive word the best passage holds counts as missing from another passage below this match (0–1, see `matchUnit`). */
const MISSING_BELOW = 0.5;
/** Rounding room when comparing two sentences' largest missing share. */
const GAP_TOLERANCE = 1e-9;

/**
 * The articles other than the best sentence's (`ranked[0]`) that tell another story of the same kind and answer
 * the question differently, best first, each judged by its best sentence that gives the asked-for kind of fact.
 * It answers differently when its first answer slot (a number in the asked unit, a date, a person) is not the
 * best sentence's value (3人 against 5人) nor that of an article judged before it; it tells another story when
 * each of the two names a place, person or organisation the other never mentions (`tellsAnotherStory`: an
 * attack in 北城 and one in 南港, not one story whose figure a later report updated). Then:
 * - `ruled-out` when the question separates them: a distinctive word of the question (a name or rare term, see
 *   `QuestionUnit.distinctive`; not a common noun a translation or a paraphrase may have chosen, 桥梁 for 大桥)
 *   that the best sentence's passage holds is missing from its passage, as when the question names the place
 *   (北城) only one of them has;
 * - `other` when nothing in the question separates them and it fits as well: the question's words are found
 *   in and around it nearly as well (coverage + context at least `minFitShare` of the best's), and no heavier
 *   question word is missing from its article than the best one misses (the `gapShare` feature);
 * - left out otherwise (a weaker fit is for sentence choice to weigh).
 * Empty when the best sentence holds no value to compare, or the question asks for a place, reason, definition or name.
 */
export function judgeStories(ranked: readonly ScoredSentence[], passages: readonly Passage[], profile: QuestionProfile, options: JudgeStoriesOptions = {}): StoryVerdict[] {
  const best = ranked[0];
  const bestPassage = best ? passages[best.passageIndex] : undefined;
  const bestValue = best?.slots[0]?.text;
  if (!best || !bestPassage || bestValue === undefined || profile.expects === null || !COMPARED.has(profile.expects)) return [];
  const minFit = (best.coverage + best.context) * (options.minFitShare ?? JUDGE_STORIES_DEFAULTS.minFitShare);
  const heldByBest = profile.units.filter((unit) => unit.distinctive && matchUnit(unit, passageText(bestPassage)) >= 1);

  const seen = new Set([bestPassage.articleId]);
  const values = [bestValue];
  const verdicts: StoryVerdict[] = [];
  for (const sentence of ranked.slice(1, options.depth ?? JUDGE_STORIES_DEFAULTS.depth)) {
    const passage = passages[sentence.passageIndex];
    const value = sentence.slots[0]?.text;
    // An article's best sentence that gives a value speaks for it; its lower ones are not looked at.
    if (!passage || value === undefined || seen.has(passage.articleId)) continue;
    seen.add(passage.articleId);
    if (values.some((other) => sameValue(other, value))) continue;
    // One story reported twice (a figure a later article updated) is for `findReports` to tell, not another story.
    if (!tellsAnotherStory({ text: best.text, passage: bestPassage }, { text: sentence.text, passage })) continue;
    const text = passageText(passage);
    if (heldByBest.some((unit) => matchUnit(unit, text) < MISSING_BELOW)) {
      verdicts.push({ verdict: 'ruled-out', sentence, passage });
      continue;
    }
    if (sentence.coverage + sentence.context < minFit || (sentence.features.gapShare ?? 0) > (best.features.gapShare ?? 0) + GAP_TOLERANCE) continue;
    values.push(value);
    verdicts.push({ verdict: 'other', sentence, passage });
  }
  return verdicts;
}

/** A passage's title, heading and text, folded as sentences are for matching. */
function passageText(passage: Passage): string {
  return foldNumerals(normalizeForMatching(`${passage.title}\n${passage.heading}\n${passage.text}`));
}
