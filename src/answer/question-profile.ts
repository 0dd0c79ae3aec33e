import { normalizeForMatching } from '../shared/normalize-text.js';
import { cjkBigrams } from '../store/cjk-bigrams.js';
import { segmentForSearch } from '../store/segment-for-search.js';

/** What kind of fact the question asks for, from its question words. */
export type ExpectedAnswer = 'number' | 'date' | 'person' | 'place' | null;

export interface QuestionProfile {
  /** Normalized question. */
  text: string;
  /** Matching units: CJK character bigrams and Latin/number words, as the keyword index cuts them. */
  terms: string[];
  expects: ExpectedAnswer;
  language: 'zh' | 'en';
}

// Longest first, so 什么时候 is removed before 什么.
const QUESTION_WORDS = [
  '什么时候', '为什么', '什么样', '多少钱', '哪一年', '哪一天', '哪些', '哪个', '哪里', '哪儿', '哪位', '哪家', '哪年', '哪天', '哪种', '哪项',
  '什么', '多少', '几个', '几家', '几项', '几位', '几名', '第几', '多大', '多长', '多高', '多久', '多重', '多远', '何时', '何地', '何人',
  '怎么', '怎样', '如何', '是否', '是不是', '有没有', '请问', '吗', '呢', '吧', '谁', '几', '哪', '何',
];
const EXPECTATIONS: [RegExp, ExpectedAnswer][] = [
  [/什么时候|何时|哪一?年|哪一?天|几月|几号|何年|when\b/i, 'date'],
  [/多少|几|多大|多长|多高|多久|多重|多远|第几|排名|how (many|much|long|old|far)/i, 'number'],
  [/谁|哪位|何人|\bwho\b/i, 'person'],
  [/哪里|哪儿|在哪|何地|什么地方|\bwhere\b/i, 'place'],
];

/** Breaks a question into matching terms and an expected answer type. */
export function analyzeQuestion(question: string): QuestionProfile {
  const text = normalizeForMatching(question);
  const expects = EXPECTATIONS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
  let stripped = text;
  for (const word of QUESTION_WORDS) stripped = stripped.split(word).join('，');
  // The same units the keyword index holds, so their document frequencies are known.
  const terms = new Set<string>(cjkBigrams(stripped));
  for (const word of segmentForSearch(stripped)) if (!/\p{Script=Han}/u.test(word)) terms.add(word);
  const hanCount = (question.match(/\p{Script=Han}/gu) ?? []).length;
  const latinCount = (question.match(/[A-Za-z]/g) ?? []).length;
  return { text, terms: [...terms], expects, language: latinCount > hanCount * 2 ? 'en' : 'zh' };
}
