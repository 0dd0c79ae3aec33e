import { extractQuantities } from '../../text/numbers/extract-quantities.js';
import type { Quantity } from '../../text/numbers/quantity.js';
import { extractClaimTerms, type ClaimTerm } from '../text/claim-terms.js';
import { splitClauses } from '../../text/split-clauses.js';
import { slotModifiers, type SlotModifiers } from './slot-modifiers.js';

/** A figure of the claim to look up, with what the claim says about its slot. */
export interface ClaimFigure {
  quantity: Quantity;
  modifiers: SlotModifiers;
  /** How much each claim word bears on this figure: 1 up to the end of its clause, 0.5 in later clauses. */
  termFactors: ReadonlyMap<string, number>;
  /**
   * The words that name the figure's slot: the nearest word before it (专科门诊 in "…2025年专科门诊超过1800人次";
   * time words and places skipped; ignored when the article lacks it, a paraphrase) must stand in the archive
   * figure's sentence; the words after it up to the next
   * figure or the clause end (爱心驿站 in "新建100家爱心驿站") in that sentence or the one before (words the article
   * lacks are paraphrases and skipped). Other words (the subject, 株洲市中心医院…) may come from the article around it.
   */
  coreTerms: { before: string | null; after: readonly string[] };
  /** Words of the figure's own claim clause, places and time words left out: none may be bound to a parallel statement. */
  clauseTerms: readonly string[];
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
    const indexInClause = Math.max(
      0,
      inClause.findIndex((other) => other.start === quantity.start - clause.start),
    );
    const termFactors = new Map(terms.map((term) => [term.text, term.start < clause.end ? 1 : 0.5]));
    return {
      quantity,
      modifiers: slotModifiers(clause.text, inClause, indexInClause),
      termFactors,
      coreTerms: setsTheScene(claim, quantity) ? { before: null, after: [] } : coreTermsOf(quantity, quantities, terms, clause.end),
      clauseTerms: terms.filter((term) => term.start >= clause.start && term.end <= clause.end && !term.place && !term.time).map((term) => term.text),
    };
  });
  return { text: claim, figures, qualifyingDates: nonDates.length > 0 ? dates : [], terms };
}

const TIME_SPAN_UNITS = new Set(['年', '个月', '天', '周', '小时']);

/**
 * Dates (2025年2月) and time spans (11年来) date a whole statement rather than fill a slot: their words may sit
 * anywhere around them, as the slot score measures, so they have no core words.
 */
function setsTheScene(claim: string, quantity: Quantity): boolean {
  if (quantity.kind === 'date') return true;
  return quantity.unit !== null && TIME_SPAN_UNITS.has(quantity.unit) && /^(?:来|以来|间|内|中|后|前)/.test(claim.slice(quantity.end));
}

function coreTermsOf(quantity: Quantity, quantities: readonly Quantity[], terms: readonly ClaimTerm[], clauseEnd: number): ClaimFigure['coreTerms'] {
  const before = terms.filter((term) => term.end <= quantity.start && !term.time && !term.place).at(-1);
  const nextFigure = quantities.find((other) => other.start >= quantity.end);
  const stop = Math.min(clauseEnd, nextFigure?.start ?? Infinity);
  const after = terms.filter((term) => term.start >= quantity.end && term.end <= stop);
  return { before: before?.text ?? null, after: after.map((term) => term.text) };
}
