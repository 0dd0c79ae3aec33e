import type { Passage } from '../../retrieval/passage.js';
import type { AnswerCandidate } from './answer-candidate.js';

/** The parts of a candidate the answerability features read (the training script keeps only these). */
export type RankedCandidate = Pick<AnswerCandidate, 'features' | 'logit' | 'texts'> & { sentence: Pick<AnswerCandidate['sentence'], 'passageIndex'> };

/**
 * Which sentence a candidate starts with, across passages: passages of one article overlap (a passage repeats the last
 * sentences of the one before), so one sentence of an article can be a candidate in two passages. It is one sentence.
 */
export function sentenceIdentity(articleId: string | undefined, text: string): string {
  return `${articleId ?? ''}\u0000${text}`;
}

/** What the answerability model knows of the question beyond its best candidate. */
export interface QuestionEvidence {
  /** Share of the question's distinctive words (names, rare terms) that no passage of the archive holds (0–1). */
  distinctiveAbsent: number;
  /** Share of the question's weight on words no passage of the archive holds (0–1). */
  weightAbsent: number;
  /** How many content words the question has. */
  units: number;
  passages: readonly Pick<Passage, 'articleId' | 'score'>[];
}

/** How well a candidate holds the question's words: in the sentence, around it, in its article, and what is missing. */
export const HOLDING_FEATURES = ['coverage', 'context', 'articleContext', 'plainCoverage', 'gapShare', 'missingShare', 'focus'] as const;

/**
 * Features of the chosen candidate copied as they are: how well it holds the question (by words, and by characters
 * whatever the segmenter made of them), where it was found.
 */
export const CARRIED_FEATURES = [
  ...HOLDING_FEATURES,
  'slotNearFocus',
  'passageRank',
  'keywordRank',
  'runsOn',
  'headingCoverage',
  'distinctiveMissing',
  'askedCoverage',
  'focusFound',
  'characterOverlap',
  'sharedRun',
] as const;
/** Bound on the log-odds read as features, so one extreme question does not dominate the fit. */
const LOGIT_BOUND = 10;

/**
 * Features for "is the best candidate right?": the choice model's confidence and the share of its probability the
 * sentences quoted hold (`quoted`: the best, and a runner-up quoted after it, wherever an article repeats them word
 * for word; the share also says how far ahead of the others they are) and the share its story holds (its article,
 * and its sentence where another article repeats it: whether the question singles out one story), how well the
 * candidate holds the question, whether the retrieved passages agree on one article, and whether the question's names
 * occur in the archive at all. Ranks and shares only, so a one-page archive and a million-chunk one read alike.
 */
export function answerabilityFeatures(
  ranked: readonly RankedCandidate[],
  evidence: QuestionEvidence,
  quoted: readonly RankedCandidate[] = ranked.slice(0, 1),
): Record<string, number> {
  const best = ranked[0];
  if (!best) return {};
  const bound = (value: number): number => Math.max(-LOGIT_BOUND, Math.min(LOGIT_BOUND, value));
  const articleOf = (candidate: RankedCandidate): string | undefined => evidence.passages[candidate.sentence.passageIndex]?.articleId;
  const sentenceKey = (candidate: RankedCandidate): string => sentenceIdentity(articleOf(candidate), candidate.texts[0]!);
  // Each sentence once (in whichever passage), by its best candidate. The share of the choice model's probability
  // the sentences the answer quotes hold is low when many sentences fit alike, as when the passage that answers is not
  // in the archive; the share the best candidate's story holds (its article, and the same sentence in others) is low
  // when other stories fit alike, as when the question does not say which story it asks about (此次爆炸造成多少人受伤？
  // in an archive of many explosions).
  // A quoted sentence is known by its text alone: repeated word for word in another article (a reprint, a copy), it is
  // the same sentence quoted.
  const quotedTexts = new Set(quoted.map((candidate) => candidate.texts[0]!));
  const bestArticle = articleOf(best);
  // A sentence another article repeats word for word (a report reprinted, a follow-up quoting it) tells the best's story.
  const bestTexts = new Set(best.texts);
  const seen = new Set<string>();
  let mass = 0;
  let quotedMass = 0;
  let articleMass = 0;
  for (const candidate of ranked) {
    const key = sentenceKey(candidate);
    if (seen.has(key)) continue;
    seen.add(key);
    const weight = Math.exp(candidate.logit - best.logit);
    mass += weight;
    if (quotedTexts.has(candidate.texts[0]!)) quotedMass += weight;
    if (articleOf(candidate) === bestArticle || bestTexts.has(candidate.texts[0]!)) articleMass += weight;
  }
  const [first, second, third] = evidence.passages;
  const features: Record<string, number> = {
    choiceLogit: bound(best.logit),
    choiceShare: quotedMass / mass,
    articleShare: articleMass / mass,
    articlesInTop3: new Set([first, second, third].filter((passage) => passage !== undefined).map((passage) => passage.articleId)).size / 3,
    distinctiveAbsent: evidence.distinctiveAbsent,
    weightAbsent: evidence.weightAbsent,
    units: Math.min(evidence.units, 10) / 10,
    slot: Object.keys(best.features).some((name) => name.startsWith('slot_')) ? 1 : 0,
  };
  for (const name of CARRIED_FEATURES) features[name] = best.features[name] ?? 0;
  for (const [name, value] of Object.entries(best.features)) if (name.startsWith('expects_')) features[name] = value;
  return features;
}
