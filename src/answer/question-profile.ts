import { normalizeForMatching } from '../text/normalize-text.js';
import { foldNumerals } from '../text/numbers/fold-numerals.js';
import { UNKNOWN_WORD_RARITY, wordRarity } from '../text/word-rarity.js';
import { tagWords, type TaggedWord } from '../text/jieba/tag-words.js';
import { isStopWord } from '../text/stop-words.js';
import { ATTRIBUTE_WORDS } from './attribute-words.js';
import type { ExpectedAnswer } from './expected-answer.js';

export type { ExpectedAnswer } from './expected-answer.js';

/** A content word of the question, the unit matched against candidate sentences. */
export interface QuestionUnit {
  /** Normalized word, numerals folded (两年 → 2年); unknown names that jieba cuts into single characters are re-joined. */
  text: string;
  /** Nouns, names and numbers say what the question is about; verbs and adjectives are often paraphrased. */
  role: 'topic' | 'relation';
  /**
   * A name or a rare term (jieba tags it as a name, or it is three characters or more and unknown to the
   * general-language table): when the archive never uses it, the archive does not answer.
   */
  distinctive: boolean;
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
  /** The unit a number answer comes in (多少米 → 米, 几家 → 家, 年龄 → 岁), or null. */
  measure: string | null;
  /** Attribute words (年龄, 特点…): a sentence that names them is likelier to answer, but need not. */
  hints: string[];
  /** Figures the question names (2025, 38): an answer from a text without them answers another question. */
  numbers: string[];
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
  '为何',
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
  // Another name for the subject (又叫什么, 被称为什么, 别称): checked first, as 称为什么 holds 为什么.
  [/(?:又|也|亦|还|俗|别|被|统|合)被?(?:称|叫|名)(?:作|做|为)?(?:什么|啥)|(?:称|叫)(?:作|做|为)(?:什么|啥)|别称|别名|又名|俗称|简称|学名|全称|外号|绰号/, 'alias'],
  [/什么时候|何时|哪一?年|哪一?天|几月|几号|何年|when\b/i, 'date'],
  // 哪些 and 哪几 ask which ones (哪几个部分 → 站房、站台、地下通道), not how many.
  [/哪些|哪几/, 'list'],
  [/多少|(?<!哪)几|多大|多长|多高|多久|多重|多远|第几|排名|how (many|much|long|old|far)/i, 'number'],
  [/谁|哪位|何人|\bwho\b/i, 'person'],
  [/哪里|哪儿|在哪|何地|什么地方|\bwhere\b/i, 'place'],
  [/为什么|为何|什么原因|\bwhy\b/i, 'reason'],
  [/^什么是|是什么[?？]?$|指什么|是指什么|什么意思/, 'definition'],
];

/** Words that frame a question without asking anything of their own (请问, 吗): not where the asked fact stands. */
const FRAMING_WORDS = new Set(['请问', '吗', '呢', '吧', '是否', '是不是', '有没有']);
/** The question words that stand where the asked fact would (多少, 哪一年, 谁), longest first. */
export const ASKING_WORDS: readonly string[] = QUESTION_WORDS.filter((word) => !FRAMING_WORDS.has(word));

/** Units a counted answer comes in, longest first, as they follow 多少 or 几 (多少米, 几家, 多少万元). */
const MEASURES =
  /(?:多少|几)(个百分点|平方米|平方公里|公里|公顷|万元|亿元|美元|千米|万人|亿|万|[个家户元件名位人次年月日号届项所座条台辆吨斤米岁倍层期批轮场部种类颗枚只头本首天周届])/;
/** Other question words that fix the unit. */
const IMPLIED_MEASURES: [RegExp, string][] = [
  [/多少钱/, '元'],
  [/几岁|多大年纪/, '岁'],
  [/哪一?天|哪日|何日/, '日'],
];

/** Stands in for a question word, so the words around it can be found after segmentation. */
const MARKER = 'qqqq';
const HAN = /^\p{Script=Han}+$/u;
/** jieba tags of words that carry no content: adverbs, prepositions, conjunctions, particles, pronouns, interjections. */
const FUNCTION_TAGS = /^(d|dg|p|c|u[a-z]*|r[a-z]*|y|e|o)$/;
/** Noun tags: a one-character noun (税, 桥, 河) names the topic and is kept. */
const NOUN_TAG = /^(n|ng|nr|ns|nt|nz|s)$/;
/** Tags of names: people, places, organisations, other proper nouns. */
const NAME_TAG = /^(nr|nrfg|nrt|ns|nt|nz)$/;
const WORD = /[\p{L}\p{N}]/u;
/** Words between an attribute and the question word that ask nothing themselves (年龄是多少, 出生地在哪里). */
const COPULA = /^(是|为|在|有|的|约|大约|大概|共|一共|总共|到底|究竟)$/;
/** 这座, 该项, 此: they point at something named elsewhere and hold no content of their own. */
const DEMONSTRATIVE = /^(这|那|该|此|本|其)[个座家所位名条项种次年批些]?$/;
/** A copula or preposition glued onto an unknown name before it (硕塞是, 戚务生在): the name is the word. */
const TRAILING_COPULA = /^(\p{Script=Han}{2,}?)([是在被将])$/u;
/**
 * Auxiliaries that say whether or when something is done, not what (要赔, 将建, 能领): the verb after them is the word,
 * kept even when it is one character, as a paraphrase (赔偿, 建成) holds it.
 */
const ONE_CHARACTER_AUXILIARIES = '要会能将可应该需想得须肯';
const MODAL = new Set([...ONE_CHARACTER_AUXILIARIES, '应该', '应当', '需要', '可以', '能够', '必须', '将要', '想要']);
/** An auxiliary glued onto a one-character verb by jieba's guesser (将建, 能领). */
const LEADING_MODAL = new RegExp(`^[${ONE_CHARACTER_AUXILIARIES}](\\p{Script=Han})$`, 'u');
/** Particles that jieba's guesser glues onto the word before them (付了, 建成的). */
const TRAILING_PARTICLE = /^(\p{Script=Han}+?)([了着过的地得])$/u;

/** Breaks a question into content words, an expected answer type and unit, attribute hints and figures. */
export function analyzeQuestion(question: string): QuestionProfile {
  const text = normalizeForMatching(question);
  let expects = EXPECTATIONS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
  let measure = MEASURES.exec(text)?.[1] ?? IMPLIED_MEASURES.find(([pattern]) => pattern.test(text))?.[1] ?? null;
  let stripped = text;
  // The measure after 多少 belongs to the question word: 多少颗大犬齿 asks for 颗, about 大犬齿.
  stripped = stripped.replace(new RegExp(MEASURES.source, 'g'), ` ${MARKER} `);
  for (const word of QUESTION_WORDS) stripped = stripped.split(word).join(` ${MARKER} `);
  const units = new Map<string, QuestionUnit>();
  const focus = new Set<QuestionUnit>();
  const hints: string[] = [];
  let lastUnit: QuestionUnit | null = null;
  let afterMarker = false;
  let afterModal = false;
  let run = '';
  let runTag = '';
  const add = (written: string, role: QuestionUnit['role'], tag = ''): void => {
    const word = foldNumerals(written);
    if (word.length === 0 || DEMONSTRATIVE.test(word)) return;
    const distinctive = role === 'topic' && HAN.test(word) && [...word].length >= 2 && (NAME_TAG.test(tag) || ([...word].length >= 3 && wordRarity(word) >= UNKNOWN_WORD_RARITY));
    const unit = units.get(word) ?? { text: word, role, distinctive, indexTerms: indexTermsOf(word) };
    units.set(word, unit);
    if (afterMarker) focus.add(unit);
    afterMarker = false;
    lastUnit = unit;
  };
  const flushRun = (): void => {
    if ([...run].length >= 2) add(run, 'topic', [...run].length >= 3 ? 'nz' : '');
    else if (run.length === 1 && NOUN_TAG.test(runTag)) add(run, 'topic');
    run = '';
  };
  const words = tagWords(stripped);
  const hasQuestionWord = words.some((tagged) => tagged.word === MARKER);
  for (const [index, tagged] of words.entries()) {
    const { word, tag } = tagged;
    const followsModal = afterModal;
    afterModal = false;
    if (word === MARKER) {
      flushRun();
      if (lastUnit) focus.add(lastUnit);
      afterMarker = true;
      continue;
    }
    const copula = tag === 'x' || wordRarity(word) >= 11 ? TRAILING_COPULA.exec(word) : null;
    if (copula?.[1]) {
      flushRun();
      add(copula[1], 'topic', 'nz');
      continue;
    }
    const glued = tag === 'x' || wordRarity(word) >= 11 ? TRAILING_PARTICLE.exec(word) : null;
    if (glued?.[1]) {
      // The verb left after the particle is kept even when it is one character (付): it is what was done.
      flushRun();
      add(glued[1], 'relation');
      continue;
    }
    const modal = tag === 'x' ? LEADING_MODAL.exec(word) : null;
    if (modal?.[1] || (followsModal && tag.startsWith('v') && [...word].length === 1)) {
      flushRun();
      add(modal?.[1] ?? word, 'relation');
      continue;
    }
    if (MODAL.has(word)) {
      flushRun();
      afterModal = true;
      continue;
    }
    const attribute = ATTRIBUTE_WORDS.get(word);
    if (attribute) {
      flushRun();
      hints.push(word);
      // An attribute next to the question word is what is asked (什么时期, 年龄多大); elsewhere it only sets the scene
      // (秦朝时期……属于哪一郡).
      if (!hasQuestionWord || afterMarker || nextWordIsMarker(words, index)) {
        if (expects === null || (expects === 'number' && attribute.expects === 'number')) expects = attribute.expects ?? expects;
        measure ??= attribute.measure ?? null;
      }
      if (afterMarker && lastUnit) focus.add(lastUnit);
      continue;
    }
    const isHan = HAN.test(word);
    if (isHan && [...word].length === 1 && !isStopWord(word)) {
      run += word;
      runTag = tag;
      continue;
    }
    flushRun();
    if (!WORD.test(word) || isStopWord(word) || FUNCTION_TAGS.test(tag)) continue;
    add(word, tag.startsWith('v') || tag.startsWith('a') || tag.startsWith('d') ? 'relation' : 'topic', tag);
  }
  flushRun();
  const numbers = [...new Set(foldNumerals(stripped).match(/\d+(?:\.\d+)?/g) ?? [])];
  const hanCount = (question.match(/\p{Script=Han}/gu) ?? []).length;
  const latinCount = (question.match(/[A-Za-z]/g) ?? []).length;
  return {
    text,
    units: [...units.values()],
    focus: [...focus],
    expects,
    measure,
    hints,
    numbers,
    language: latinCount > hanCount * 2 ? 'en' : 'zh',
  };
}

/** Whether the question word comes next after `index`, past a copula or particle (是, 为, 的…) but not past punctuation. */
function nextWordIsMarker(words: readonly TaggedWord[], index: number): boolean {
  for (const { word } of words.slice(index + 1)) {
    if (word === MARKER) return true;
    if (word.trim() === '' || COPULA.test(word)) continue;
    return false;
  }
  return false;
}

function indexTermsOf(word: string): string[] {
  const characters = [...word];
  if (!HAN.test(word) || characters.length <= 2) return [word];
  return characters.slice(0, -1).map((character, index) => character + characters[index + 1]!);
}
