import type { ClaimTerm } from '../text/claim-terms.js';
import type { FigureContext } from './figure-context.js';

/** Characters of leftover words that make a subject (精准管理 yes; 只剩 no). */
const OWN_SUBJECT_MIN_CHARACTERS = 3;

/** Words around a figure that name no subject: function words and the slot modifiers. */
const FUNCTION_WORDS = /达到|分别|其中|超过|突破|同比|全年|[将还共达约超各均为有是了的已并和与及在从由至到近逾仅就再又也都则计总其]/g;

/**
 * Whether the figure's own clause names a subject of its own beyond the claim's words (精准管理154人 after
 * 专科门诊超1800人次; 国家级产业集群达15个 after 3个国家先进制造业集群): then a subject from an earlier clause does
 * not carry over to it. 累计602家 names none and inherits 株洲…省级专精特新中小企业.
 */
export function hasOwnSubject(context: FigureContext, terms: readonly ClaimTerm[], modifierWords: ReadonlySet<string>): boolean {
  let rest = context.ownClauseBefore;
  for (const term of terms) rest = rest.split(term.text).join('');
  for (const word of modifierWords) rest = rest.split(word).join('');
  rest = rest.replace(FUNCTION_WORDS, '');
  return (rest.match(/\p{Script=Han}/gu) ?? []).length >= OWN_SUBJECT_MIN_CHARACTERS;
}
