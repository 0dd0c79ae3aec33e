import type { Answerer, AnswerOptions, AnswerResult } from '../answer-result.js';
import { questionLanguage } from '../llm/question-language.js';
import { readQuestionTime } from '../../text/time/read-question-time.js';
import { datedAnswer } from './dated-answer.js';
import { traced } from '../../log/stage-trace.js';
import { type NewsroomPlace, withoutOwnPlace } from './newsroom-place.js';

export interface TimedAnswererOptions {
  inner: Answerer;
  /** The clock "now" and relative periods (去年, last month) are read against (default: the system clock). */
  clock?: () => Date;
  /** The time zone of the newsroom's calendar (default Asia/Shanghai). */
  timeZone?: string;
  /** The newsroom's own city (NEWSROOM_CITY), or null. */
  place?: NewsroomPlace | null;
}

/**
 * Answers in time. The question's time words are framing, not words an answer must restate: a named period (2025年,
 * 去年, last month) keeps retrieval to reports dated in it, asked without the period's words; when none of those
 * answers, the question is asked as written (2025年 may be the year of the figure, reported in 2026), and then, when
 * it has "now" words (现在, latest) and is still not answered, without them. As written first: a question a "now" word
 * helps (目前 in the answer's sentence too) is answered as before; the several-reports rule puts the newest report first. A question naming the newsroom's own city is asked again without the name when it is
 * not answered, since local articles say 我市 or 全市. Every answer says the date of the report it quotes.
 */
export class TimedAnswerer implements Answerer {
  constructor(private readonly options: TimedAnswererOptions) {}

  async answer(question: string, options: AnswerOptions = {}): Promise<AnswerResult> {
    const language = options.language ?? questionLanguage(question);
    const time = traced(options.trace, 'read question time', () =>
      readQuestionTime(question, { now: options.now ?? this.options.clock?.() ?? new Date(), timeZone: this.options.timeZone }),
    );
    const attempts: Array<{ text: string; options: AnswerOptions }> = [];
    const add = (text: string, attemptOptions: AnswerOptions): void => {
      attempts.push({ text, options: attemptOptions });
      const local = this.options.place ? withoutOwnPlace(text, this.options.place) : null;
      if (local) attempts.push({ text: local, options: withoutInspection(attemptOptions) });
    };
    // Training inspects the question as asked (its candidates fit the answer model): the other attempts answer quietly.
    const quiet = withoutInspection(options);
    if (time.period) add(time.text, { ...quiet, range: time.period });
    add(question, options);
    if (time.now) add(time.withPeriod, quiet);
    let result: AnswerResult | null = null;
    for (const attempt of attempts) {
      const answered = await this.options.inner.answer(attempt.text, attempt.options);
      result ??= answered;
      if (answered.answered) {
        result = answered;
        break;
      }
    }
    return datedAnswer(result as AnswerResult, language);
  }
}

function withoutInspection(options: AnswerOptions): AnswerOptions {
  const { inspect: _inspect, ...quiet } = options;
  return quiet;
}
