import type { TextSpan } from '../text/text-span.js';
import type { ExpectedAnswer, QuestionProfile } from './question-profile.js';
import { normalizeForMatching } from '../text/normalize-text.js';

const NUMERAL = '[0-9０-９一二三四五六七八九十百千万亿两零〇]';
const PATTERNS: Record<Exclude<ExpectedAnswer, null>, RegExp> = {
  number: new RegExp(
    `[0-9０-９]+(?:\\.[0-9]+)?|${NUMERAL}+分之${NUMERAL}+|${NUMERAL}+[个家户元件名位人次年月日号届项所座条台辆吨斤米岁倍成层期批轮场部种类]|第${NUMERAL}+|首位|榜首|冠军|千亿|百亿`,
    'g',
  ),
  // A year (three or four digits, 814年, or a reign's: 崇宁五年, 元年), a month and day, an era (江户时代, 晚期; a
  // dynasty after its name, 明朝, not 朝着 or 朝鲜), ago (2.5亿年前).
  date: /[0-9０-９]{3,4} ?年|(?:元|[一二三四五六七八九十]{1,3})年|时代|(?<=\p{Script=Han})朝(?![着向阳鲜])|[早中晚初末]期|[0-9０-９.]+[万亿]?年前|[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{0,3}日?|[0-9]{4}-[0-9]{2}|(今|去|明|前)年|(昨|今|明)天|上午|下午|近日|春节|年底|年初|世纪|时期|年代/gu,
  // A title before a name, or an organisation (谁 is often a company or a court).
  person:
    /(记者|经理|主任|书记|市长|局长|院长|董事长|总裁|主席|教授|医生|负责人|组长|总监|厂长|校长)[\p{Script=Han}]{2,3}|[\p{Script=Han}]{2,}(公司|集团|法院|政府|协会|学校|大学|医院|研究院|委员会)|[A-Z][a-z]+ [A-Z][a-z]+|由[\p{Script=Han}·]{2,8}(?=[所创发设提建])/gu,
  place: /(省|市|县|区|镇|乡|村|街道|路|广场|公园|中心|大厦|馆|学校|医院|园区|洋|海|国|州|岛|山|河|湖)/g,
  reason: /因为|由于|原因|因此|所以|为了|导致|造成|源于|以便|故而|故名|因而|因其|得名/g,
  definition: /是指|指的是|即是|是一种|是一个|是一门|是一类|称为|又称|简称|亦称|意为|意即|意指|意谓|意思是|意思为|译为/g,
  // An enumeration: items joined by the enumeration comma (古角龙、辽宁角龙、冠饰角龙类).
  list: /[^、，,；;。：:]{1,16}(?:、[^、，,；;。：:]{1,16})+/g,
  // The markers that introduce another name: 又名泽鹿, 简称长江电力, 俗称….
  alias: /又名|又称|又叫|又作|又译|也叫|也称|亦称|亦名|或称|别称|别名|俗称|简称|旧称|古称|通称|统称|学名|全称|原名|本名|称为|称作|叫做|名为/g,
};

/** A day (4月23日, 七月初十, 23日, 今天, 上午, 春节): what 哪天 and 几号 ask for; an era or a year does not answer them. */
const DAY = /[0-9０-９一二三四五六七八九十]{1,3}月[初廿卅]?[0-9０-９一二三四五六七八九十]{1,3}[日号]?|[0-9０-９]{1,2}[日号]|(?:昨|今|明|前|当)天|上午|下午|近日|春节|除夕|元旦/g;
/** The units of a question asking which day. */
const DAY_MEASURES = ['日', '号'];

/** People are counted with any of these (多少人 → 9名, 几位 → 3人): one asked unit finds the others. */
const COUNTERS_OF_PEOPLE = ['人', '名', '位'];

/**
 * 一 before a counting word is mostly the indefinite article (一名医生, 一次转身, 一种方法), not a quantity: it answers
 * 多少 when the question names the counted unit (几名 → 一名 is found by the unit's own pattern), not a bare 多少.
 * Durations and multiples (一年, 一倍) stay quantities.
 */
const INDEFINITE = /^一[个家户件名位人次项所座条台辆部种类批轮场期]$/;

/**
 * Dates, removed before looking for a quantity: 4月23日 does not answer 多少. A year is written with three or four
 * digits (814年, 2025年); one or two digits before 年 count years (维持了44年) unless a month follows.
 */
const DATE =
  /[0-9０-９]{3,4}年(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}[日号])?)?|[0-9０-９]{1,2}年[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}[日号])?|[0-9０-９]{1,2}月[0-9０-９]{1,2}[日号]?|[0-9０-９]{1,2}[日号]/g;

/**
 * Where a sentence holds the kind of fact the question asks for: a number in the asked unit (1280米 for
 * 多少米; any figure when no unit is named), a date, a person or organisation, a place, a reason, a definition.
 * Empty when the question names no kind or the sentence holds none.
 */
export function findAnswerSlots(sentence: string, profile: Pick<QuestionProfile, 'expects' | 'measure'>): TextSpan[] {
  return answerSlotFinder(profile)(sentence);
}

/**
 * `findAnswerSlots` for one question and many sentences: the pattern of the asked unit is built once. The patterns are
 * written in simplified characters, as the question's unit is: a sentence is searched folded (traditional → simplified,
 * full-width → half-width), so 歲 answers 几岁 as 岁 does, and each slot's text is read back from the sentence as written.
 */
export function answerSlotFinder(profile: Pick<QuestionProfile, 'expects' | 'measure'>): (sentence: string) => TextSpan[] {
  const find = foldedSlotFinder(profile);
  return (sentence) => {
    const folded = normalizeForMatching(sentence);
    // Folding keeps every character's place except for a rare traditional character folded outside the BMP.
    if (folded.length !== sentence.length) return find(sentence);
    return find(folded).map((span) => ({ ...span, text: sentence.slice(span.start, span.end) }));
  };
}

function foldedSlotFinder(profile: Pick<QuestionProfile, 'expects' | 'measure'>): (sentence: string) => TextSpan[] {
  const { expects, measure } = profile;
  if (expects === null) return () => [];
  if (expects === 'date' && measure && DAY_MEASURES.includes(measure)) return (sentence) => spansOf(sentence, DAY);
  if (expects === 'number' && measure) {
    const units = COUNTERS_OF_PEOPLE.includes(measure) ? COUNTERS_OF_PEOPLE : [measure];
    const counted = new RegExp(`(?:${NUMERAL}|[.．,，])*${NUMERAL}[多余]?(?:万|亿)?(?:${units.map(escapeRegExp).join('|')})`, 'g');
    return (sentence) => spansOf(sentence, counted).filter((span) => !/^[万亿]/.test(span.text));
  }
  const pattern = PATTERNS[expects];
  if (expects !== 'number') return (sentence) => spansOf(sentence, pattern);
  return (sentence) => {
    const searched = sentence.replace(DATE, (date) => '\u0000'.repeat(date.length));
    return spansOf(searched, pattern)
      .filter((span) => !INDEFINITE.test(span.text))
      .map((span) => ({ ...span, text: sentence.slice(span.start, span.end) }));
  };
}

/** Whether a sentence holds the kind of fact the question asks for; see {@link findAnswerSlots}. */
export function hasExpectedAnswer(sentence: string, profile: Pick<QuestionProfile, 'expects' | 'measure'>): boolean {
  return findAnswerSlots(sentence, profile).length > 0;
}

function spansOf(text: string, pattern: RegExp): TextSpan[] {
  return [...text.matchAll(pattern)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
