import type { ArchiveArticle, ArchiveSentence } from '../archive/archive-article.js';
import type { Quantity } from '../numbers/quantity.js';
import { normalizeForMatching } from '../../shared/normalize-text.js';
import type { ClaimTerm } from '../text/claim-terms.js';
import { PRESENCE } from './presence-levels.js';
import { slotModifiers, type SlotModifiers } from './slot-modifiers.js';

/** Where a figure sits: its own clause, the clauses around it, and its modifiers. */
export interface FigureContext {
  /** Folded text of the figure's own clause (for a 分别 list: the matching list item is added). */
  ownClause: string;
  /** Folded earlier clauses of the sentence, nearest first. */
  earlierClauses: string[];
  /** Folded later clauses of the sentence, joined. */
  laterClauses: string;
  /** Folded text of the own clause before the figure (where its subject would be). */
  ownClauseBefore: string;
  modifiers: SlotModifiers;
  /** A date figure: its clause is usually the date alone, the sentence after it is its slot. */
  isDate: boolean;
}

const LIST_SEPARATOR = /[、和与及]/;

/** The context of `sentence.quantities[quantityIndex]`. */
export function figureContext(sentence: ArchiveSentence, quantityIndex: number): FigureContext {
  const quantity = sentence.quantities[quantityIndex] as Quantity;
  const clauseIndex = Math.max(0, sentence.clauses.findIndex((clause) => quantity.start >= clause.start && quantity.start < clause.end));
  const clause = sentence.clauses[clauseIndex] ?? { text: sentence.text, start: 0, end: sentence.text.length };
  const inClause = sentence.quantities
    .filter((other) => other.start >= clause.start && other.end <= clause.end)
    .map((other) => ({ ...other, start: other.start - clause.start, end: other.end - clause.start }));
  const indexInClause = inClause.findIndex((other) => other.start === quantity.start - clause.start);
  const earlier = sentence.clauses.slice(0, clauseIndex).reverse().map((span) => normalizeForMatching(span.text));
  const later = sentence.clauses.slice(clauseIndex + 1).map((span) => normalizeForMatching(span.text)).join('，');
  const context: FigureContext = {
    ownClause: normalizeForMatching(clause.text),
    earlierClauses: earlier,
    laterClauses: later,
    ownClauseBefore: normalizeForMatching(clause.text.slice(0, quantity.start - clause.start)),
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
    const figurePart = normalizeForMatching(clauseText.slice(respectivelyAt));
    return { ...context, ownClause: `${normalizeForMatching(mine)}，${figurePart}` };
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

/** Where a claim word is looked for around one archive figure. */
export interface PresenceScope {
  context: FigureContext;
  article: ArchiveArticle;
  sentence: ArchiveSentence;
  /** The figure's clause names its own subject (精准管理154人 after 专科门诊超1800人次): earlier clauses do not carry over. */
  ownSubject: boolean;
}

/** How strongly `term` ties to the figure: the best of the places it is found (see `PRESENCE`). */
export function termPresence(term: ClaimTerm, scope: PresenceScope, homeAlias: boolean): number {
  const { context, article, sentence } = scope;
  const word = term.text;
  if (context.ownClause.includes(word)) return PRESENCE.ownClause;
  const earlierAt = context.earlierClauses.findIndex((clause) => clause.includes(word));
  if (earlierAt >= 0 && scope.ownSubject) return PRESENCE.previousSentence;
  if (earlierAt >= 0) return Math.max(PRESENCE.earliestClause, PRESENCE.earlierClause - PRESENCE.earlierClauseDecay * earlierAt);
  if (context.laterClauses.includes(word)) return context.isDate ? PRESENCE.ownClause : PRESENCE.laterClause;
  const previous = article.sentences[sentence.index - 1];
  if (previous && !previous.isHeading && previous.normalized.includes(word)) return PRESENCE.previousSentence;
  const secondPrevious = article.sentences[sentence.index - 2];
  if (secondPrevious && !secondPrevious.isHeading && secondPrevious.normalized.includes(word)) return PRESENCE.secondPreviousSentence;
  if (article.normalizedHeading.includes(word)) return PRESENCE.heading;
  if (article.normalizedText.includes(word)) return PRESENCE.elsewhereInArticle;
  return homeAlias ? PRESENCE.homePlaceAlias : PRESENCE.absent;
}

/** Words around a figure that name no subject: function words and the slot modifiers. */
const FUNCTION_WORDS = /达到|分别|其中|超过|突破|同比|全年|[将还共达约超各均为有是了的已并和与及在从由至到近逾仅就再又也都则计总其]/g;

/**
 * Whether the figure's own clause names a subject of its own that the claim does not mention:
 * then a subject from an earlier clause does not carry over to it.
 */
export function hasOwnSubject(context: FigureContext, terms: readonly ClaimTerm[], modifierWords: ReadonlySet<string>): boolean {
  if (terms.some((term) => context.ownClause.includes(term.text))) return false;
  let rest = context.ownClauseBefore;
  for (const word of modifierWords) rest = rest.split(word).join('');
  rest = rest.replace(FUNCTION_WORDS, '');
  return (rest.match(/\p{Script=Han}/gu) ?? []).length >= 2;
}
