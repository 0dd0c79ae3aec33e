import { extractQuantities } from '../numbers/extract-quantities.js';
import type { Quantity } from '../numbers/quantity.js';
import { extractClaimTerms, type ClaimTerm } from '../text/claim-terms.js';
import { splitClauses } from '../text/split-sentences.js';
import { slotModifiers, type SlotModifiers } from './slot-modifiers.js';

/** A figure of the claim to look up, with what the claim says about its slot. */
export interface ClaimFigure {
  quantity: Quantity;
  modifiers: SlotModifiers;
  /** How much each claim word bears on this figure: 1 up to the end of its clause, 0.5 in later clauses. */
  termFactors: ReadonlyMap<string, number>;
  /**
   * The words that name the figure's slot and must stand in the archive figure's own sentence: the nearest
   * word before it (专科门诊 in "…2025年专科门诊超过1800人次"; time words skipped) and the words after it up to the next
   * figure or the clause end (爱心驿站 in "新建100家爱心驿站"). Other words (the subject, 株洲市中心医院…) may come
   * from the article around it.
   */
  coreTerms: readonly string[];
}

/** A claim taken apart: its figures, its dates and its content words. */
export interface ClaimAnalysis {
  text: string;
  /** The figures the verdict rests on: every non-date figure, or the dates when the claim has nothing else. */
  figures: ClaimFigure[];
  /** Dates that qualify the figures (2025年 in "2025年…新增5家"): checked against the figure's sentence. */
  qualifyingDates: Quantity[];
  terms: ClaimTerm[];
}

/** Splits a claim into figures, qualifying dates and content words. */
export function analyzeClaim(claim: string): ClaimAnalysis {
  const quantities = extractQuantities(claim);
  const terms = extractClaimTerms(claim, quantities);
  const nonDates = quantities.filter((quantity) => quantity.kind !== 'date');
  const dates = quantities.filter((quantity) => quantity.kind === 'date');
  const primary = nonDates.length > 0 ? nonDates : dates;
  const clauses = splitClauses(claim);
  const figures = primary.map((quantity) => {
    const clause = clauses.find((span) => quantity.start >= span.start && quantity.start < span.end) ?? { text: claim, start: 0, end: claim.length };
    const inClause = quantities
      .filter((other) => other.start >= clause.start && other.end <= clause.end)
      .map((other) => ({ ...other, start: other.start - clause.start, end: other.end - clause.start }));
    const indexInClause = Math.max(0, inClause.findIndex((other) => other.start === quantity.start - clause.start));
    const termFactors = new Map(terms.map((term) => [term.text, term.start < clause.end ? 1 : 0.5]));
    return { quantity, modifiers: slotModifiers(clause.text, inClause, indexInClause), termFactors, coreTerms: coreTermsOf(quantity, quantities, terms, clause.end) };
  });
  return { text: claim, figures, qualifyingDates: nonDates.length > 0 ? dates : [], terms };
}

function coreTermsOf(quantity: Quantity, quantities: readonly Quantity[], terms: readonly ClaimTerm[], clauseEnd: number): string[] {
  const before = terms.filter((term) => term.end <= quantity.start && !term.time).at(-1);
  const nextFigure = quantities.find((other) => other.start >= quantity.end);
  const stop = Math.min(clauseEnd, nextFigure?.start ?? Infinity);
  const after = terms.filter((term) => term.start >= quantity.end && term.end <= stop);
  return [...(before ? [before.text] : []), ...after.map((term) => term.text)];
}
