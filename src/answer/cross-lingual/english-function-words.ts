import { ENGLISH_FUNCTION_WORDS as STOP_ENGLISH_FUNCTION_WORDS, ENGLISH_QUESTION_WORDS } from '../../text/stop-words.js';

/**
 * English words that carry no searchable content: the English stop words of `text/stop-words.ts` (articles,
 * auxiliaries, prepositions, the question words, read separately as the asked slot) and pronouns, modals,
 * quantifiers and the reporting words of a question about the news.
 */
export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...STOP_ENGLISH_FUNCTION_WORDS,
  ...ENGLISH_QUESTION_WORDS,
  ...`about into over under than as but not no nor being am done has have had having will would shall should can could may might must
  i me my we our us you your he him his she her they them their there here whose many much what's
  get got make made let also just only so very any some each every all both either
  according article articles report reported reports say said says tell told news newspaper`.split(/\s+/),
]);

/** English question phrases and the Chinese question word that marks the same asked slot. */
export const QUESTION_WORDS: readonly (readonly [english: RegExp, chinese: string])[] = [
  [/\bhow (?:many|much)\b/i, '多少'],
  [/\bhow (?:long|far|tall|high|big|large)\b/i, '多少'],
  [/\bhow old\b/i, '多大'],
  [/\bwho(?:m|se)?\b/i, '谁'],
  [/\bwhen\b|\bwhat (?:year|date|day|time)\b/i, '什么时候'],
  [/\bwhere\b/i, '哪里'],
  [/\bwhy\b/i, '为什么'],
  [/\bwhich\b/i, '哪个'],
  [/\bwhat\b/i, '什么'],
  [/\bhow\b/i, '如何'],
];

/** Irregular forms the suffix rules of `englishLemmas` cannot undo. */
export const IRREGULAR_FORMS: Readonly<Record<string, string>> = {
  built: 'build',
  paid: 'pay',
  won: 'win',
  held: 'hold',
  grew: 'grow',
  grown: 'grow',
  rose: 'rise',
  fell: 'fall',
  lost: 'lose',
  sold: 'sell',
  bought: 'buy',
  spent: 'spend',
  became: 'become',
  began: 'begin',
  chose: 'choose',
  chosen: 'choose',
  gave: 'give',
  given: 'give',
  took: 'take',
  taken: 'take',
  went: 'go',
  gone: 'go',
  children: 'child',
  women: 'woman',
  men: 'man',
  people: 'people',
  teeth: 'tooth',
  kept: 'keep',
  led: 'lead',
  met: 'meet',
  ran: 'run',
  sent: 'send',
  set: 'set',
  wrote: 'write',
  written: 'write',
};
