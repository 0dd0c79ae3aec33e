import { reportDatePhrase, reportDatesPhrase } from '../../text/time/report-date-phrase.js';
import type { AnswerResult } from '../answer-result.js';

/** 据2026年1月18日报道: a report told with its date inside an answer. */
const REPORT_DATE_ZH = /据(\d{4})年(\d{1,2})月(\d{1,2})日报道/g;

/**
 * The answer with the date of the report it quotes first said before it (据2026年10月15日报道，… / (reported 15 Oct
 * 2026) …). Unchanged when it is not answered, its first citation is undated, or it already begins with that date
 * (several reports, each told with its date). An English reply to an answer that tells several reports each with its
 * date (a plan, then its outcome) names them all, in the answer's order: the Chinese body is not translated.
 */
export function datedAnswer(result: AnswerResult, language: 'zh' | 'en'): AnswerResult {
  if (!result.answered) return result;
  const first = /\[(\d+)\]/.exec(result.answer);
  const citation = result.citations.find((item) => item.n === Number(first?.[1]));
  const phrase = reportDatePhrase(citation?.date ?? null, language);
  const zhPhrase = reportDatePhrase(citation?.date ?? null, 'zh');
  if (!phrase || !zhPhrase || result.answer.startsWith(zhPhrase)) return result;
  if (language === 'zh') return { ...result, answer: `${phrase}${result.answer}` };
  const told = [...new Set([...result.answer.matchAll(REPORT_DATE_ZH)].map((match) => `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`))];
  return { ...result, answer: `${(told.length > 1 ? reportDatesPhrase(told) : null) ?? phrase} ${result.answer}` };
}
