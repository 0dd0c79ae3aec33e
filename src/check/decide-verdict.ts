import type { FigureAlignment } from './align/align-figure.js';
import { MODIFIER_WEIGHTS } from './align/slot-modifiers.js';
import type { Quantity } from '../text/numbers/quantity.js';
import type { Verdict } from './check-result.js';

/** Thresholds of the verdict rules; conservative on purpose: a wrong "supported" costs more than a "not found". */
export const VERDICT_THRESHOLDS = {
  /** Alignments this close to the best one count as tied; a tie with a matching figure goes to the match. */
  tieMargin: 0.1,
  /** Least slot score for "supported": the claim's words must sit around the archive figure, not just in the article. */
  supportSlot: 0.55,
  /** Least slot score for "contradicted": the archive must clearly speak of the same slot. */
  contradictSlot: 0.6,
  /** Most share of the claim's word weight the article may lack altogether. */
  maxAbsentShare: 0.35,
} as const;

/** What the archive says about one figure of the claim. */
export interface FigureDecision {
  claim: Quantity;
  status: Verdict;
  /** The alignment the status rests on; null when nothing speaks to the figure. */
  alignment: FigureAlignment | null;
  /** The archive figure shown beside the claim's: the aligned figure, or a conflicting date. */
  shown: { claim: Quantity; archive: Quantity } | null;
}

/**
 * Decides one claim figure from its alignments (best first):
 * supported — the best-aligned figure (ties going to a matching one) is the same figure, its slot words are
 * around it and the article lacks no place or much else of the claim;
 * contradicted — the best-aligned figure of the same slot (modifiers not clashing) differs, or the figure
 * matches but the sentence dates it differently;
 * not_found — otherwise.
 */
export function decideFigure(claim: Quantity, alignments: readonly FigureAlignment[]): FigureDecision {
  const chosen = chooseAlignment(alignments);
  const notFound: FigureDecision = { claim, status: 'not_found', alignment: null, shown: null };
  if (!chosen) return notFound;
  const subjectKnown =
    chosen.anchored && chosen.coreInSentence && !chosen.boundElsewhere && !chosen.stats.absentPlace && chosen.stats.absentShare <= VERDICT_THRESHOLDS.maxAbsentShare;
  if (!subjectKnown) return notFound;
  if (chosen.relation === 'same' && chosen.slot >= VERDICT_THRESHOLDS.supportSlot) {
    if (chosen.dateConflict) return { claim, status: 'contradicted', alignment: chosen, shown: chosen.dateConflict };
    return { claim, status: 'supported', alignment: chosen, shown: { claim, archive: chosen.archive } };
  }
  const sameSlot = chosen.modifierScore > -MODIFIER_WEIGHTS.clash;
  if (chosen.relation === 'different' && sameSlot && chosen.slot >= VERDICT_THRESHOLDS.contradictSlot) {
    return { claim, status: 'contradicted', alignment: chosen, shown: { claim, archive: chosen.archive } };
  }
  return notFound;
}

/**
 * The best-aligned figure; a matching figure close behind wins the tie (株洲…有602家 fits 累计602家 about as well as
 * 新增…103家), unless it lacks a claim word the best one has in its sentence (38家 vs 96家 after 分别).
 */
function chooseAlignment(alignments: readonly FigureAlignment[]): FigureAlignment | null {
  const best = alignments[0];
  if (!best) return null;
  const tied = alignments.filter(
    (alignment) => alignment.score >= best.score - VERDICT_THRESHOLDS.tieMargin && [...best.inSentence].every((word) => alignment.inSentence.has(word)),
  );
  return tied.find((alignment) => alignment.relation === 'same') ?? best;
}

/**
 * The claim's verdict from its figures: contradicted when any figure is; supported when every figure is,
 * all in one article (figures scattered over articles do not make one fact); otherwise not found.
 */
export function combineFigures(decisions: readonly FigureDecision[]): Verdict {
  if (decisions.length === 0) return 'not_found';
  if (decisions.some((decision) => decision.status === 'contradicted')) return 'contradicted';
  if (!decisions.every((decision) => decision.status === 'supported')) return 'not_found';
  return statedTogether(decisions) ? 'supported' : 'not_found';
}

/** Most sentences apart two figures of one claim may be stated. */
const MAX_FIGURE_DISTANCE = 1;

/** Whether all figures are stated in one article, within a sentence of each other. */
function statedTogether(decisions: readonly FigureDecision[]): boolean {
  const alignments = decisions.map((decision) => decision.alignment);
  const first = alignments[0];
  if (!first) return false;
  return alignments.every(
    (alignment) =>
      alignment !== null && alignment.article.articleId === first.article.articleId && Math.abs(alignment.sentence.index - first.sentence.index) <= MAX_FIGURE_DISTANCE,
  );
}
