import { reportDatePhrase } from '../../text/time/report-date-phrase.js';
import type { AnswerResult } from '../answer-result.js';

/**
 * The answer with the date of the report it quotes first said before it (据2026年10月15日报道，… / (reported 15 Oct
 * 2026) …). Unchanged when it is not answered, its first citation is undated, or it already begins with that date
 * (several reports, each told with its date).
 */
export function datedAnswer(result: AnswerResult, language: 'zh' | 'en'): AnswerResult {
  if (!result.answered) return result;
  const first = /\[(\d+)\]/.exec(result.answer);
  const citation = result.citations.find((item) => item.n === Number(first?.[1]));
  const phrase = reportDatePhrase(citation?.date ?? null, language);
  const zhPhrase = reportDatePhrase(citation?.date ?? null, 'zh');
  if (!phrase || !zhPhrase || result.answer.startsWith(zhPhrase)) return result;
  return { ...result, answer: language === 'en' ? `${phrase} ${result.answer}` : `${phrase}${result.answer}` };
}
