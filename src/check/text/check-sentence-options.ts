import type { SplitSentencesOptions } from '../../text/split-sentences.js';

/**
 * How the fact check cuts article text into sentences: semicolons do not end one (a sentence's clauses
 * share its subject), and a Latin full stop never does (in Chinese prose it is more often `No. 5` than an end).
 */
export const ARTICLE_SENTENCES: Readonly<SplitSentencesOptions> = Object.freeze({ semicolons: false, latinStops: false });

/** Statements: sentences further cut at semicolons (株洲硬质合金…提名奖；华锐精密…省长质量奖), which share no slot. */
export const STATEMENTS: Readonly<SplitSentencesOptions> = Object.freeze({ semicolons: true, latinStops: false });
