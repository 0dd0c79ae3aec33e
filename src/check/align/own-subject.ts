import type { ClaimTerm } from '../text/claim-terms.js';
import { containsTerm } from '../text/contains-term.js';
import type { FigureContext } from './figure-context.js';

/** Characters of leftover words that make a subject (精准管理 yes; 只剩 no). */
const OWN_SUBJECT_MIN_CHARACTERS = 3;

/** Words around a figure that name no subject: function words and the slot modifiers. */
const FUNCTION_WORDS = /达到|分别|其中|超过|突破|同比|全年|[将还共达约超各均为有是了的已并和与及在从由至到近逾仅就再又也都则计总其]/g;

/**
 * Whether the figure's own clause names a subject of its own that the claim does not mention:
 * then a subject from an earlier clause does not carry over to it.
 */
export function hasOwnSubject(context: FigureContext, terms: readonly ClaimTerm[], modifierWords: ReadonlySet<string>): boolean {
  if (terms.some((term) => containsTerm(context.ownClause, term.text))) return false;
  let rest = context.ownClauseBefore;
  for (const word of modifierWords) rest = rest.split(word).join('');
  rest = rest.replace(FUNCTION_WORDS, '');
  return (rest.match(/\p{Script=Han}/gu) ?? []).length >= OWN_SUBJECT_MIN_CHARACTERS;
}
