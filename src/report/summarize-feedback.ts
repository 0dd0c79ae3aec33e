import type { RecordedVote } from '../store/answer-feedback-store.js';

/** Votes in one week (weeks start on Monday, UTC). */
export interface WeeklyFeedback {
  /** The Monday the week starts on, YYYY-MM-DD. */
  week: string;
  up: number;
  down: number;
  /** up / (up + down). */
  upShare: number;
}

/** An answer readers disliked. */
export interface DislikedAnswer {
  questionId: number;
  question: string;
  down: number;
  up: number;
  citedChunkIds: readonly number[];
}

/** What the feedback buttons say over a period. */
export interface FeedbackSummary {
  weeks: WeeklyFeedback[];
  mostDisliked: DislikedAnswer[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Share of 👍 per week (by the week the vote was given), and the answers with most 👎 (at most `limit`). */
export function summarizeFeedback(votes: readonly RecordedVote[], limit = 5): FeedbackSummary {
  const weeks = new Map<string, { up: number; down: number }>();
  const answers = new Map<number, DislikedAnswer>();
  for (const vote of votes) {
    const week = weekStart(vote.votedAt);
    const counts = weeks.get(week) ?? { up: 0, down: 0 };
    counts[vote.vote] += 1;
    weeks.set(week, counts);
    const answer = answers.get(vote.questionId) ?? { questionId: vote.questionId, question: vote.question, down: 0, up: 0, citedChunkIds: vote.citedChunkIds };
    answer[vote.vote] += 1;
    answers.set(vote.questionId, answer);
  }
  return {
    weeks: [...weeks.entries()].sort(([left], [right]) => left.localeCompare(right)).map(([week, { up, down }]) => ({ week, up, down, upShare: up / (up + down) })),
    mostDisliked: [...answers.values()]
      .filter((answer) => answer.down > 0)
      .sort((left, right) => right.down - left.down || left.up - right.up || right.questionId - left.questionId)
      .slice(0, limit),
  };
}

function weekStart(date: Date): string {
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - daysSinceMonday * DAY_MS).toISOString().slice(0, 10);
}
