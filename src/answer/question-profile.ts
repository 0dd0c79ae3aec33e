import { normalizeForMatching } from '../text/normalize-text.js';
import { tagWords } from '../store/tag-words.js';
import { isStopWord } from '../store/stop-words.js';

/** What kind of fact the question asks for, from its question words. */
export type ExpectedAnswer = 'number' | 'date' | 'person' | 'place' | null;

/** A content word of the question, the unit matched against candidate sentences. */
export interface QuestionUnit {
  /** Normalized word (unknown names that jieba cuts into single characters are re-joined). */
  text: string;
  /** Nouns, names and numbers say what the question is about; verbs and adjectives are often paraphrased. */
  role: 'topic' | 'relation';
  /** Index terms whose document frequency bounds the word's: itself for short words, its character bigrams for long ones. */
  indexTerms: string[];
}

export interface QuestionProfile {
  text: string;
  units: QuestionUnit[];
  /**
   * The words right next to the question word (总投资|多少, 入围|哪些|榜单): they name what is asked,
   * so a sentence that answers holds them.
   */
  focus: QuestionUnit[];
  expects: ExpectedAnswer;
  language: 'zh' | 'en';
}

// Longest first, so 什么时候 is removed before 什么.
const QUESTION_WORDS = [
  '什么时候',
  '为什么',
  '什么样',
  '多少钱',
  '哪一年',
  '哪一天',
  '哪些',
  '哪个',
  '哪里',
  '哪儿',
  '哪位',
  '哪家',
  '哪年',
  '哪天',
  '哪种',
  '哪项',
  '什么',
  '多少',
  '几个',
  '几家',
  '几项',
  '几位',
  '几名',
  '第几',
  '多大',
  '多长',
  '多高',
  '多久',
  '多重',
  '多远',
  '何时',
  '何地',
  '何人',
  '怎么',
  '怎样',
  '如何',
  '是否',
  '是不是',
  '有没有',
  '请问',
  '吗',
  '呢',
  '吧',
  '谁',
  '几',
  '哪',
  '何',
];

const EXPECTATIONS: [RegExp, ExpectedAnswer][] = [
  [/什么时候|何时|哪一?年|哪一?天|几月|几号|何年|when\b/i, 'date'],
  [/多少|几|多大|多长|多高|多久|多重|多远|第几|排名|how (many|much|long|old|far)/i, 'number'],
  [/谁|哪位|何人|\bwho\b/i, 'person'],
  [/哪里|哪儿|在哪|何地|什么地方|\bwhere\b/i, 'place'],
];

/** Stands in for a question word, so the words around it can be found after segmentation. */
const MARKER = 'qqqq';
const HAN = /^\p{Script=Han}+$/u;
/** jieba tags of words that carry no content: adverbs, prepositions, conjunctions, particles, pronouns, interjections. */
const FUNCTION_TAGS = /^(d|dg|p|c|u[a-z]*|r[a-z]*|y|e|o)$/;
const WORD = /[\p{L}\p{N}]/u;

/** Breaks a question into content words and an expected answer type. */
export function analyzeQuestion(question: string): QuestionProfile {
  const text = normalizeForMatching(question);
  const expects = EXPECTATIONS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
  let stripped = text;
  for (const word of QUESTION_WORDS) stripped = stripped.split(word).join(` ${MARKER} `);
  const units = new Map<string, QuestionUnit>();
  const focus = new Set<QuestionUnit>();
  let lastUnit: QuestionUnit | null = null;
  let afterMarker = false;
  let run = '';
  const add = (word: string, role: QuestionUnit['role']): void => {
    if (word.length === 0) return;
    const unit = units.get(word) ?? { text: word, role, indexTerms: indexTermsOf(word) };
    units.set(word, unit);
    if (afterMarker) focus.add(unit);
    afterMarker = false;
    lastUnit = unit;
  };
  const flushRun = (): void => {
    if ([...run].length >= 2) add(run, 'topic');
    run = '';
  };
  for (const { word, tag } of tagWords(stripped)) {
    if (word === MARKER) {
      flushRun();
      if (lastUnit) focus.add(lastUnit);
      afterMarker = true;
      continue;
    }
    const isHan = HAN.test(word);
    if (isHan && [...word].length === 1 && !isStopWord(word)) {
      run += word;
      continue;
    }
    flushRun();
    if (!WORD.test(word) || isStopWord(word) || FUNCTION_TAGS.test(tag)) continue;
    add(word, tag.startsWith('v') || tag.startsWith('a') || tag.startsWith('d') ? 'relation' : 'topic');
  }
  flushRun();
  const hanCount = (question.match(/\p{Script=Han}/gu) ?? []).length;
  const latinCount = (question.match(/[A-Za-z]/g) ?? []).length;
  return { text, units: [...units.values()], focus: [...focus], expects, language: latinCount > hanCount * 2 ? 'en' : 'zh' };
}

function indexTermsOf(word: string): string[] {
  const characters = [...word];
  if (!HAN.test(word) || characters.length <= 2) return [word];
  return characters.slice(0, -1).map((character, index) => character + characters[index + 1]!);
}
