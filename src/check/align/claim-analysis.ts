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
    return { quantity, modifiers: slotModifiers(clause.text, inClause, indexInClause), termFactors };
  });
  return { text: claim, figures, qualifyingDates: nonDates.length > 0 ? dates : [], terms };
}
