/**
 * How strongly a claim word found at some distance from an archive figure ties the figure to it.
 * The figure's own clause is the slot itself; a subject stated in an earlier clause of the sentence
 * carries over (株洲新增…103家，累计602家); the title and nearby sentences carry the article's subject.
 */
export const PRESENCE = {
  ownClause: 1,
  earlierClause: 0.95,
  /** Subtracted per further clause back, down to `earliestClause`. */
  earlierClauseDecay: 0.05,
  earliestClause: 0.8,
  laterClause: 0.75,
  /** Only in a parallel statement of the sentence (after or before a semicolon): likely bound to another figure. */
  siblingStatement: 0.3,
  previousSentence: 0.65,
  secondPreviousSentence: 0.55,
  heading: 0.6,
  elsewhereInArticle: 0.45,
  /** 株洲 in the claim, 我市 in the article of a 株洲 paper. */
  homePlaceAlias: 0.45,
  absent: 0,
} as const;

/** Presence from which a word counts as stated in the figure's own sentence. */
export const IN_SENTENCE_PRESENCE = PRESENCE.laterClause;
