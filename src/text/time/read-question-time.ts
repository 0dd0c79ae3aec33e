// When a question is about: "now" (现在, latest) or a named period (2025年, 去年, 上个月, last year), read against a clock.
import { calendarDay, type CalendarDay, shiftDays, shiftMonths } from './calendar-day.js';

/** An inclusive range of ISO days (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

export interface QuestionTime {
  /** The question without its time words, for scoring: they are framing, not what an answer must restate. */
  text: string;
  /** The question without its "now" words but with its period (2025年 may name the figure's year, not the report's). */
  withPeriod: string;
  /** The period the question names (reports dated in it answer it), or null. */
  period: DayRange | null;
  /** Whether the question asks for the current state (现在, 目前, latest): the newest report of a figure leads. */
  now: boolean;
}

export interface ReadQuestionTimeOptions {
  /** The moment "now" is (default: the system clock). */
  now?: Date;
  /** The time zone whose calendar "today" and "this year" are read in (default Asia/Shanghai). */
  timeZone?: string;
}

export const READ_QUESTION_TIME_DEFAULTS = { timeZone: 'Asia/Shanghai' } as const;

/** Framing words of a "now" question. Longest first, so 截至目前 goes as one. */
const NOW_WORDS_ZH = /截至目前|截止目前|到目前为止|目前为止|现如今|现在|目前|最新|如今|当前|眼下/g;
const NOW_WORDS_EN = /\b(?:as of now|at present|right now|currently|latest|nowadays|now)\b/gi;
const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_EN = `(${MONTHS_EN.join('|')}|${MONTHS_EN.map((month) => month.slice(0, 3)).join('|')})`;

interface PeriodPattern {
  pattern: RegExp;
  period: (match: RegExpExecArray, today: CalendarDay) => DayRange | null;
}

/** Periods a question can name, most specific first; each pattern's match is removed from the scored text. */
const PERIODS: readonly PeriodPattern[] = [
  { pattern: /((?:19|20)\d{2})年(1[0-2]|0?[1-9])月(?:份)?/, period: (match) => monthRange(Number(match[1]), Number(match[2])) },
  { pattern: /(今|去|前)年(1[0-2]|0?[1-9])月(?:份)?/, period: (match, today) => monthRange(today.year - yearsBack(match[1]!), Number(match[2])) },
  { pattern: /((?:19|20)\d{2})年(?:全年|度)?/, period: (match) => yearRange(Number(match[1])) },
  { pattern: /(今|去|前)年(?:全年|度)?/, period: (match, today) => yearRange(today.year - yearsBack(match[1]!)) },
  { pattern: /上(?:个)?月/, period: (_match, today) => monthOf(shiftMonths(today, -1)) },
  { pattern: /(?:本|这个?)月/, period: (_match, today) => monthOf(today) },
  { pattern: /上(?:个)?(?:周|星期|礼拜)/, period: (_match, today) => weekOf(shiftDays(today, -7)) },
  { pattern: /(?:本|这)(?:周|星期)/, period: (_match, today) => weekOf(today) },
  {
    pattern: new RegExp(`\\b(?:in|during|of)\\s+${MONTH_EN}\\s+((?:19|20)\\d{2})\\b`, 'i'),
    period: (match) => monthRange(Number(match[2]), monthNumber(match[1]!)),
  },
  { pattern: /\b(?:in|during|of)\s+((?:19|20)\d{2})\b/i, period: (match) => yearRange(Number(match[1])) },
  { pattern: /\blast year\b/i, period: (_match, today) => yearRange(today.year - 1) },
  { pattern: /\bthis year\b/i, period: (_match, today) => yearRange(today.year) },
  { pattern: /\blast month\b/i, period: (_match, today) => monthOf(shiftMonths(today, -1)) },
  { pattern: /\blast week\b/i, period: (_match, today) => weekOf(shiftDays(today, -7)) },
  {
    pattern: new RegExp(`\\b(?:in|during)\\s+${MONTH_EN}\\b`, 'i'),
    period: (match, today) => monthRange(today.year, monthNumber(match[1]!)),
  },
];

/**
 * The time a question is about, and its text without the words that said so. A question with no time words
 * comes back as it was (`period` null, `now` false).
 */
export function readQuestionTime(question: string, options: ReadQuestionTimeOptions = {}): QuestionTime {
  const today = calendarDay(options.now ?? new Date(), options.timeZone ?? READ_QUESTION_TIME_DEFAULTS.timeZone);
  let text = question;
  let period: DayRange | null = null;
  for (const { pattern, period: read } of PERIODS) {
    const match = pattern.exec(text);
    if (!match) continue;
    period = read(match, today);
    if (period) text = `${text.slice(0, match.index)}${text.slice(match.index + match[0].length)}`;
    break;
  }
  const withoutNow = (words: string): string => words.replace(NOW_WORDS_ZH, '').replace(NOW_WORDS_EN, '');
  const withPeriod = withoutNow(question);
  return { text: tidy(withoutNow(text)), withPeriod: tidy(withPeriod), period, now: withPeriod !== question };
}

function yearsBack(word: string): number {
  return word === '今' ? 0 : word === '去' ? 1 : 2;
}

function monthNumber(name: string): number {
  return MONTHS_EN.findIndex((month) => month.startsWith(name.toLowerCase().slice(0, 3))) + 1;
}

function yearRange(year: number): DayRange {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

function monthRange(year: number, month: number): DayRange | null {
  if (month < 1 || month > 12) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (value: number): string => String(value).padStart(2, '0');
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` };
}

function monthOf(day: CalendarDay): DayRange | null {
  return monthRange(day.year, day.month);
}

/** Monday to Sunday around `day`. */
function weekOf(day: CalendarDay): DayRange {
  const monday = shiftDays(day, -((day.weekday + 6) % 7));
  return { from: monday.iso, to: shiftDays(monday, 6).iso };
}

/** Spaces left where words were taken out, and a question left with only its mark, tidied. */
function tidy(text: string): string {
  return text
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([?？.,，])/g, '$1')
    .replace(/^[\s,，]+/, '')
    .trim();
}
