import type { NewPin } from '../../store/pin-store.js';

/** Longest question and answer a pin takes: a question as readers ask one, an answer that fits one Telegram message with its source. */
export const PIN_LIMITS = { questionChars: 500, answerChars: 2000 } as const;

/** Why a pin cannot be stored. */
export type PinProblem = 'emptyQuestion' | 'emptyAnswer' | 'questionTooLong' | 'answerTooLong' | 'unknownArticle';

/** What is wrong with a new pin (the CLI and the bot say it each in their words), or null when it can be stored. */
export function pinProblem(pin: NewPin, articleExists: (articleId: string) => boolean): PinProblem | null {
  if (pin.question.trim() === '') return 'emptyQuestion';
  if (pin.answer.trim() === '') return 'emptyAnswer';
  if ([...pin.question].length > PIN_LIMITS.questionChars) return 'questionTooLong';
  if ([...pin.answer].length > PIN_LIMITS.answerChars) return 'answerTooLong';
  if (pin.articleId !== null && !articleExists(pin.articleId)) return 'unknownArticle';
  return null;
}
