import type { ArchiveArticle, ArchiveSentence } from '../archive/archive-article.js';
import type { ClaimTerm } from '../text/claim-terms.js';
import { containsTerm } from '../../text/contains-term.js';
import type { FigureContext } from './figure-context.js';
import { PRESENCE } from './presence-levels.js';

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
  const has = (text: string) => containsTerm(text, word);
  if (has(context.ownClause)) return PRESENCE.ownClause;
  const earlierAt = context.earlierClauses.findIndex(has);
  if (earlierAt >= 0 && scope.ownSubject) return PRESENCE.previousSentence;
  if (earlierAt >= 0) return Math.max(PRESENCE.earliestClause, PRESENCE.earlierClause - PRESENCE.earlierClauseDecay * earlierAt);
  if (!term.place && !term.time && has(context.otherItems)) return PRESENCE.siblingStatement;
  if (has(context.laterClauses)) return context.isDate ? PRESENCE.ownClause : PRESENCE.laterClause;
  // A place or time word is the scene, shared across parallel statements; other words bind to their own statement.
  if (has(context.siblingStatements)) return term.place || term.time ? PRESENCE.previousSentence : PRESENCE.siblingStatement;
  const previous = article.sentences[sentence.index - 1];
  if (previous && !previous.isHeading && has(previous.normalized)) return PRESENCE.previousSentence;
  const secondPrevious = article.sentences[sentence.index - 2];
  if (secondPrevious && !secondPrevious.isHeading && has(secondPrevious.normalized)) return PRESENCE.secondPreviousSentence;
  if (has(article.normalizedHeading)) return PRESENCE.heading;
  if (has(article.normalizedText)) return PRESENCE.elsewhereInArticle;
  return homeAlias ? PRESENCE.homePlaceAlias : PRESENCE.absent;
}
