// Printed correction notices: 更正：8月1日本报刊发的《…》一文中，"日污水处理能力达到56万吨"应为"65万吨".
import type { Article } from '../article.js';

/** What a correction notice says: which article it corrects and how. */
export interface CorrectionNotice {
  /** The corrected article's title as quoted (《…》, or "…" in English), or null. */
  quotedTitle: string | null;
  /** The day the corrected article ran (YYYY-MM-DD), read against the notice's own date, or null. */
  namedDate: string | null;
  /** A web address the notice names, or null. */
  url: string | null;
  /** The statement as printed, or null when the notice does not quote it. */
  wrong: string | null;
  /** The statement as it should have been (the wrong one with its figure replaced, when only the figure is given). */
  corrected: string | null;
}

const NOTICE = /^\s*(?:更正|勘误|更正启事|更正声明)|^\s*Correction\b|An earlier version of this article/i;
const QUOTE_OPEN = '[“"\'‘「『]';
const QUOTE_CLOSE = '[”"\'’」』]';
const REPLACED_ZH = new RegExp(`${QUOTE_OPEN}([^”"'’」』]+)${QUOTE_CLOSE}\\s*(?:应为|应是|系|更正为)\\s*${QUOTE_OPEN}([^”"'’」』]+)${QUOTE_CLOSE}`);
const REPLACED_EN = new RegExp(`${QUOTE_OPEN}([^”"'’」』]+)${QUOTE_CLOSE}[^“"‘]*?should (?:have )?(?:read|said|been)\\s*${QUOTE_OPEN}([^”"'’」』]+)${QUOTE_CLOSE}`, 'i');
const FIGURE = /\d[\d,.]*\s*[^\d\s,.，。；;、）)]{0,2}$/;

/** The notice an article is, or null when it is not a correction notice. */
export function readCorrection(article: Pick<Article, 'title' | 'paragraphs' | 'date'>): CorrectionNotice | null {
  const text = article.paragraphs.join('\n');
  if (!NOTICE.test(article.title) && !NOTICE.test(text)) return null;
  const replaced = REPLACED_ZH.exec(text) ?? REPLACED_EN.exec(text);
  const wrong = replaced?.[1]?.trim() ?? null;
  const right = replaced?.[2]?.trim() ?? null;
  return {
    quotedTitle: /《([^》]+)》/.exec(text)?.[1] ?? /(?:article|story)\s+"([^"]+)"/i.exec(text)?.[1] ?? null,
    namedDate: namedDate(text, article.date),
    url: /https?:\/\/[^\s，。；）)]+/.exec(text)?.[0] ?? null,
    wrong,
    corrected: wrong && right ? correctedStatement(wrong, right) : right,
  };
}

/** 日污水处理能力达到56万吨 with 65万吨 → 日污水处理能力达到65万吨: a figure given alone replaces the statement's figure. */
function correctedStatement(wrong: string, right: string): string {
  const figure = FIGURE.exec(wrong);
  if (!figure || !/^\d/.test(right) || right.length >= wrong.length) return right;
  return `${wrong.slice(0, figure.index)}${right}`;
}

/** 2026年8月1日, or 8月1日 in the notice's year (the year before when that day is after the notice). */
function namedDate(text: string, noticeDate: string | null): string | null {
  const pad = (value: string): string => value.padStart(2, '0');
  const full = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  if (full) return `${full[1]}-${pad(full[2]!)}-${pad(full[3]!)}`;
  const short = /(\d{1,2})月(\d{1,2})日/.exec(text);
  if (!short || !noticeDate) return null;
  const year = Number(noticeDate.slice(0, 4));
  const day = `${pad(short[1]!)}-${pad(short[2]!)}`;
  return `${day > noticeDate.slice(5, 10) ? year - 1 : year}-${day}`;
}
