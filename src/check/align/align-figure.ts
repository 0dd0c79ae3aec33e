import type { ArchiveArticle, ArchiveSentence } from '../archive/archive-article.js';
import type { Quantity } from '../../text/numbers/quantity.js';
import { compareQuantities, type QuantityRelation } from '../../text/numbers/same-quantity.js';
import type { ClaimTerm } from '../text/claim-terms.js';
import type { ArticleTermStats } from './article-term-stats.js';
import type { ClaimFigure } from './claim-analysis.js';
import { figureContext } from './figure-context.js';
import { hasOwnSubject } from './own-subject.js';
import { termPresence } from './term-presence.js';
import { IN_SENTENCE_PRESENCE, PRESENCE } from './presence-levels.js';
import { MODIFIER_WORDS, modifierAgreement } from './slot-modifiers.js';

/** A claim figure set against one archive figure of the same kind and unit. */
export interface FigureAlignment {
  claim: Quantity;
  article: ArchiveArticle;
  sentence: ArchiveSentence;
  archive: Quantity;
  relation: Exclude<QuantityRelation, 'incomparable'>;
  /** Weighted share of the claim's words found around the archive figure, near counting more (0–1). */
  slot: number;
  /** Modifier agreement (新增 vs 累计…), added to `slot` in `score`. */
  modifierScore: number;
  /** Bonus when the sentence states the claim's qualifying date. */
  dateScore: number;
  score: number;
  /** Whether some claim word stands in the figure's own sentence (not only elsewhere in the article). */
  anchored: boolean;
  /** Claim words found in the figure's own sentence, places and time words left out. */
  inSentence: ReadonlySet<string>;
  /** Whether the core words of the claim figure (see `ClaimFigure.coreTerms`) are where they must be. */
  coreInSentence: boolean;
  /** Whether words of the claim figure's clause (a fifth of their weight or more) are found only in a parallel statement of the sentence. */
  boundElsewhere: boolean;
  /** A qualifying date of the claim that the sentence states differently (claim 2024年, sentence 2025年). */
  dateConflict: { claim: Quantity; archive: Quantity } | null;
  stats: ArticleTermStats;
}

export interface AlignFigureInput {
  figure: ClaimFigure;
  terms: readonly ClaimTerm[];
  /** Claim word weights adjusted to the retrieved archive. */
  weights: ReadonlyMap<string, number>;
  qualifyingDates: readonly Quantity[];
  articles: readonly { article: ArchiveArticle; stats: ArticleTermStats }[];
}

/** The fact check states figures, it does not reason about them: 突破100万户 is not 突破126万户. */
const STRICT = { allowImplied: false } as const;

/** Share of the claim clause's word weight found only in a parallel statement that binds the claim to that statement. */
const BOUND_ELSEWHERE_SHARE = 0.2;

/** Titles restate the body: on a tie the body sentence, with its context, is the better quote. */
const HEADING_PENALTY = 0.02;

/** Bonus for a sentence that states the claim's qualifying date. */
const DATE_AGREEMENT_BONUS = 0.1;

/** Every archive figure comparable with the claim figure, best aligned first. */
export function alignFigure(input: AlignFigureInput): FigureAlignment[] {
  const alignments: FigureAlignment[] = [];
  const { figure } = input;
  for (const { article, stats } of input.articles) {
    for (const sentence of article.sentences) {
      sentence.quantities.forEach((archive, quantityIndex) => {
        const relation = compareQuantities(figure.quantity, archive, STRICT);
        if (relation === 'incomparable') return;
        const context = figureContext(sentence, quantityIndex);
        const scope = { context, article, sentence, ownSubject: hasOwnSubject(context, input.terms, MODIFIER_WORDS) };
        let found = 0;
        let total = 0;
        const inSentence = new Set<string>();
        const presences = new Map<string, number>();
        let elsewhereWeight = 0;
        let clauseWeight = 0;
        for (const term of input.terms) {
          const weight = (input.weights.get(term.text) ?? term.weight) * (figure.termFactors.get(term.text) ?? 1);
          const presence = termPresence(term, scope, stats.aliased.has(term.text));
          found += weight * presence;
          total += weight;
          presences.set(term.text, presence);
          if (presence >= IN_SENTENCE_PRESENCE && !term.place && !term.time) inSentence.add(term.text);
          if (figure.clauseTerms.includes(term.text)) {
            clauseWeight += weight;
            if (presence === PRESENCE.siblingStatement) elsewhereWeight += weight;
          }
        }
        const boundElsewhere = clauseWeight > 0 && elsewhereWeight / clauseWeight >= BOUND_ELSEWHERE_SHARE;
        const anchored = inSentence.size > 0;
        const { before, after } = figure.coreTerms;
        // Core words the article lacks altogether are paraphrases (排名 for 位列): the absent share weighs them instead.
        const isPresent = (word: string) => (presences.get(word) ?? 0) > 0;
        const coreInSentence =
          (before === null || !isPresent(before) || inSentence.has(before)) && after.every((word) => !isPresent(word) || (presences.get(word) ?? 0) >= PRESENCE.previousSentence);
        const slot = total > 0 ? found / total : 0;
        const modifierScore = modifierAgreement(figure.modifiers, context.modifiers);
        const { dateScore, dateConflict } = checkQualifyingDates(input.qualifyingDates, sentence);
        alignments.push({
          claim: figure.quantity,
          article,
          sentence,
          archive,
          relation,
          slot,
          modifierScore,
          dateScore,
          score: slot + modifierScore + dateScore - (sentence.isHeading ? HEADING_PENALTY : 0),
          anchored,
          inSentence,
          coreInSentence,
          boundElsewhere,
          dateConflict,
          stats,
        });
      });
    }
  }
  return alignments.sort((left, right) => right.score - left.score || left.article.rank - right.article.rank);
}

function checkQualifyingDates(dates: readonly Quantity[], sentence: ArchiveSentence): { dateScore: number; dateConflict: FigureAlignment['dateConflict'] } {
  let dateScore = 0;
  let dateConflict: FigureAlignment['dateConflict'] = null;
  const sentenceDates = sentence.quantities.filter((quantity) => quantity.kind === 'date');
  for (const claimDate of dates) {
    const relations = sentenceDates.map((archive) => ({ archive, relation: compareQuantities(claimDate, archive, STRICT) }));
    if (relations.some((entry) => entry.relation === 'same')) dateScore = DATE_AGREEMENT_BONUS;
    else {
      const differing = relations.find((entry) => entry.relation === 'different');
      if (differing && !dateConflict) dateConflict = { claim: claimDate, archive: differing.archive };
    }
  }
  return { dateScore, dateConflict };
}
