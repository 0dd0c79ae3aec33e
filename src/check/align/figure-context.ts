import type { ArchiveSentence } from '../archive/archive-article.js';
import type { Quantity } from '../numbers/quantity.js';
import { foldForMatching } from '../text/fold-for-matching.js';
import { slotModifiers, type SlotModifiers } from './slot-modifiers.js';

/** Where a figure sits: its own clause, the clauses around it, and its modifiers. */
export interface FigureContext {
  /** Folded text of the figure's own clause (for a 分别 list: the matching list item is added). */
  ownClause: string;
  /** Folded earlier clauses of the figure's statement (the sentence up to a semicolon), nearest first. */
  earlierClauses: string[];
  /** Folded later clauses of the statement, joined. */
  laterClauses: string;
  /**
   * Folded other statements of the sentence ("A荣获X；B荣获Y"): parallel statements usually bind their
   * words to other figures, so a claim word found only there speaks against this figure.
   */
  siblingStatements: string;
  /** Folded text of the own clause before the figure (where its subject would be). */
  ownClauseBefore: string;
  modifiers: SlotModifiers;
  /** A date figure: its clause is usually the date alone, the sentence after it is its slot. */
  isDate: boolean;
}

const LIST_SEPARATOR = /[、和与及]/;

/** For each clause, the number of the statement it belongs to (a clause ending in a semicolon closes one). */
function statementNumbers(clauses: readonly string[]): number[] {
  let statement = 0;
  return clauses.map((clause) => {
    const current = statement;
    if (/[；;]$/.test(clause)) statement += 1;
    return current;
  });
}

/** The context of `sentence.quantities[quantityIndex]`. */
export function figureContext(sentence: ArchiveSentence, quantityIndex: number): FigureContext {
  const quantity = sentence.quantities[quantityIndex] as Quantity;
  const clauseIndex = Math.max(0, sentence.clauses.findIndex((clause) => quantity.start >= clause.start && quantity.start < clause.end));
  const clause = sentence.clauses[clauseIndex] ?? { text: sentence.text, start: 0, end: sentence.text.length };
  const inClause = sentence.quantities
    .filter((other) => other.start >= clause.start && other.end <= clause.end)
    .map((other) => ({ ...other, start: other.start - clause.start, end: other.end - clause.start }));
  const indexInClause = inClause.findIndex((other) => other.start === quantity.start - clause.start);
  const statementOf = statementNumbers(sentence.clauses.map((span) => span.text));
  const ownStatement = statementOf[clauseIndex];
  const sameStatement = (index: number) => statementOf[index] === ownStatement;
  const others = sentence.clauses.map((span, index) => ({ span, index }));
  const earlier = others.filter(({ index }) => index < clauseIndex && sameStatement(index)).reverse();
  const later = others.filter(({ index }) => index > clauseIndex && sameStatement(index));
  const siblings = others.filter(({ index }) => !sameStatement(index));
  const context: FigureContext = {
    ownClause: foldForMatching(clause.text),
    earlierClauses: earlier.map(({ span }) => foldForMatching(span.text)),
    laterClauses: later.map(({ span }) => foldForMatching(span.text)).join('，'),
    siblingStatements: siblings.map(({ span }) => foldForMatching(span.text)).join('，'),
    ownClauseBefore: foldForMatching(withoutFigures(clause.text.slice(0, quantity.start - clause.start), inClause)),
    modifiers: slotModifiers(clause.text, inClause, Math.max(0, indexInClause)),
    isDate: quantity.kind === 'date',
  };
  return applyRespectively(context, clause.text, inClause, Math.max(0, indexInClause));
}

/**
 * 国家重点“小巨人”企业、国家专精特新“小巨人”企业…累计分别达到38家和96家: with 分别, the n-th figure
 * belongs to the n-th list item, so the other items' words must not count as its subject.
 */
function applyRespectively(context: FigureContext, clauseText: string, inClause: readonly Quantity[], indexInClause: number): FigureContext {
  const quantity = inClause[indexInClause];
  if (!quantity) return context;
  const siblings = inClause.filter((other) => other.unit === quantity.unit && other.kind === quantity.kind);
  const position = siblings.indexOf(quantity);
  const firstSibling = siblings[0];
  if (siblings.length < 2 || !firstSibling) return context;
  const respectivelyAt = clauseText.slice(0, firstSibling.start).lastIndexOf('分别');
  if (respectivelyAt < 0) return context;

  const ownItems = splitListItems(clauseText.slice(0, respectivelyAt));
  if (ownItems.length === siblings.length) {
    const mine = ownItems[position] ?? '';
    const figurePart = foldForMatching(clauseText.slice(respectivelyAt));
    return { ...context, ownClause: `${foldForMatching(mine)}，${figurePart}` };
  }
  const [previous, ...rest] = context.earlierClauses;
  if (previous === undefined) return context;
  const previousItems = splitListItems(previous);
  if (previousItems.length !== siblings.length) return context;
  return { ...context, earlierClauses: [previousItems[position] ?? '', ...rest] };
}

function splitListItems(text: string): string[] {
  return text.split(LIST_SEPARATOR).map((item) => item.trim()).filter((item) => item.length > 0);
}

function withoutFigures(text: string, figures: readonly Quantity[]): string {
  let result = text;
  for (const figure of [...figures].sort((left, right) => right.start - left.start)) {
    if (figure.end <= text.length) result = result.slice(0, figure.start) + result.slice(figure.end);
  }
  return result;
}
