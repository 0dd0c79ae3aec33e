import { normalizeForMatching } from '../shared/normalize-text.js';

/** What kind of fact the question asks for, from its question words. */
export type ExpectedAnswer = 'number' | 'date' | 'person' | 'place' | null;

export interface QuestionProfile {
  /** Normalized question. */
  text: string;
  /** Matching units: CJK character bigrams (single characters for one-character runs) and Latin/number words. */
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
const STOP_CHARACTERS = new Set(['的', '了', '是', '在', '和', '与', '及', '或', '也', '都', '就', '被', '把', '对', '从', '向', '为', '由', '之', '其', '这', '那', '有', '中', '上', '要', '将', '我', '你', '他', '她', '它', '们']);
const ENGLISH_STOP = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'is', 'are', 'was', 'were', 'be', 'did', 'does', 'do', 'what', 'which', 'who', 'whom', 'when', 'where', 'how', 'many', 'much', 'why', 'and', 'or', 'by', 'with', 'from', 'this', 'that', 'it', 'its']);

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
  for (const word of QUESTION_WORDS) stripped = stripped.split(word).join(' ');
  const terms = new Set<string>();
  for (const run of stripped.match(/[\p{Script=Han}]+/gu) ?? []) {
    const characters = [...run];
    if (characters.length === 1) {
      if (!STOP_CHARACTERS.has(run)) terms.add(run);
      continue;
    }
    for (let index = 0; index + 1 < characters.length; index += 1) {
      const bigram = characters[index]! + characters[index + 1]!;
      if (STOP_CHARACTERS.has(characters[index]!) && STOP_CHARACTERS.has(characters[index + 1]!)) continue;
      terms.add(bigram);
    }
  }
  for (const word of stripped.match(/[a-z0-9][a-z0-9.%-]*/g) ?? []) {
    const cleaned = word.replace(/[.-]+$/, '');
    if (cleaned.length > 0 && !ENGLISH_STOP.has(cleaned)) terms.add(cleaned);
  }
  const hanCount = (question.match(/\p{Script=Han}/gu) ?? []).length;
  const latinCount = (question.match(/[A-Za-z]/g) ?? []).length;
  return { text, terms: [...terms], expects, language: latinCount > hanCount * 2 ? 'en' : 'zh' };
}
