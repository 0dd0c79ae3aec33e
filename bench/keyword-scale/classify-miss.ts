import type { GoldMatch } from './gold-passages.js';

/** Why a search's first passage (or first five) holds no gold answer. */
export type MissKind = 'varied copy' | 'outranked' | 'budget' | 'beyond keywords';

/** What is known about one missed search: the gold matches of what it returned, of its candidates, of a plain full-text search's. */
export interface MissEvidence {
  /** The returned passages' matches, in order (the first one, or the first five). */
  returned: readonly GoldMatch[];
  /** The keyword candidates the search ranked (the rescored pool). */
  candidates: readonly GoldMatch[];
  /** The first candidates of FTS5 bm25 over all the question's terms, no budget. */
  plain: readonly GoldMatch[];
}

/**
 * Classifies a miss, first cause first: a returned passage is the gold sentence with its figures changed by the corpus
 * (a judge artefact); a candidate held the answer but ranked lower (ranking among near-copies); no candidate held it but
 * the unbudgeted full-text ranking did (the budget); or neither did.
 */
export function classifyMiss(evidence: MissEvidence): MissKind {
  if (evidence.returned.includes('varied copy')) return 'varied copy';
  if (evidence.candidates.includes('answer')) return 'outranked';
  if (evidence.plain.includes('answer')) return 'budget';
  return 'beyond keywords';
}
