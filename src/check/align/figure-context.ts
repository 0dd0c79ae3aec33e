import type { ArchiveSentence } from '../archive/archive-article.js';
import type { Quantity } from '../../text/numbers/quantity.js';
import { foldForMatching } from '../../text/fold-for-matching.js';
import type { TextSpan } from '../../text/text-span.js';
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
  /** Folded list items that 分别 binds to the other figures of the clause (empty without 分别). */
  otherItems: string;
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
  const clauseIndex = Math.max(
    0,
    sentence.clauses.findIndex((clause) => quantity.start >= clause.start && quantity.start < clause.end),
  );
  const fullClause = sentence.clauses[clauseIndex] ?? { text: sentence.text, start: 0, end: sentence.text.length };
  const { item: clause, otherItems } = figureItem(fullClause, sentence.quantities, quantity);
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
    siblingStatements: [...siblings.map(({ span }) => span.text), ...otherItems].map(foldForMatching).join('，'),
    ownClauseBefore: foldForMatching(withoutFigures(clause.text.slice(0, quantity.start - clause.start), inClause)),
    otherItems: '',
    modifiers: slotModifiers(clause.text, inClause, Math.max(0, indexInClause)),
    isDate: quantity.kind === 'date',
  };
  return applyRespectively(context, clause.text, inClause, Math.max(0, indexInClause));
}

/**
 * A list of figures in one clause (学位6100个、新建“爱心驿站”80家; 3个国家先进制造业集群、3个国家中小企业特色产业集群):
 * each item is its own slot, the others are parallel statements. Items are cut at a 、 next to a figure; a clause
 * with 分别 is left whole for `applyRespectively`.
 */
function figureItem(clause: TextSpan, quantities: readonly Quantity[], quantity: Quantity): { item: TextSpan; otherItems: string[] } {
  if (!clause.text.includes('、') || clause.text.includes('分别')) return { item: clause, otherItems: [] };
  const cuts: number[] = [];
  for (let index = clause.text.indexOf('、'); index >= 0; index = clause.text.indexOf('、', index + 1)) {
    const at = clause.start + index;
    if (quantities.some((other) => other.end === at || other.start === at + 1)) cuts.push(index);
  }
  if (cuts.length === 0) return { item: clause, otherItems: [] };
  const bounds = [-1, ...cuts, clause.text.length];
  const items = bounds.slice(1).map((end, position) => {
    const start = (bounds[position] as number) + 1;
    return { text: clause.text.slice(start, end), start: clause.start + start, end: clause.start + end };
  });
  const item = items.find((candidate) => quantity.start >= candidate.start && quantity.start < candidate.end) ?? clause;
  return { item, otherItems: items.filter((other) => other !== item).map((other) => other.text) };
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

  const ownItems = splitListItems(foldForMatching(clauseText.slice(0, respectivelyAt)));
  if (ownItems.length === siblings.length) {
    const figurePart = foldForMatching(clauseText.slice(respectivelyAt));
    return { ...context, ownClause: `${ownItems[position] ?? ''}，${figurePart}`, otherItems: boundToOthers(ownItems, position) };
  }
  const [previous, ...rest] = context.earlierClauses;
  if (previous === undefined) return context;
  const previousItems = splitListItems(previous);
  if (previousItems.length !== siblings.length) return context;
  return { ...context, earlierClauses: [previousItems[position] ?? '', ...rest], otherItems: boundToOthers(previousItems, position) };
}

/**
 * The items whose words belong to other figures. With a shared head noun (国家级和省级技术创新示范企业: the first
 * item does not end like the last), the last item also names the head of the others, so it is not counted.
 */
function boundToOthers(items: readonly string[], position: number): string {
  const last = items[items.length - 1] ?? '';
  const mine = items[position] ?? '';
  const complete = position === items.length - 1 || last.includes(mine.slice(-2));
  return items.filter((_, index) => index !== position && (complete || index !== items.length - 1)).join('，');
}

function splitListItems(text: string): string[] {
  return text
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function withoutFigures(text: string, figures: readonly Quantity[]): string {
  let result = text;
  for (const figure of [...figures].sort((left, right) => right.start - left.start)) {
    if (figure.end <= text.length) result = result.slice(0, figure.start) + result.slice(figure.end);
  }
  return result;
}
