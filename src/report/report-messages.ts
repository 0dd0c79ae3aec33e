// What the question report says, in each language the bot speaks.

/** Texts of the question report: /unanswered, the feedback part of /stats, the weekly staff report (HTML; interpolated text is escaped by the renderer). */
export interface ReportMessages {
  heading(days: number, questions: number, answered: number): string;
  readonly unansweredHeading: string;
  readonly noUnanswered: string;
  group(count: number, keywords: string, example: string): string;
  /** Said after a group an editors' pin now answers. */
  pinned(pinId: number): string;
  readonly feedbackHeading: string;
  readonly noFeedback: string;
  week(week: string, up: number, down: number, upPercent: number): string;
  readonly dislikedHeading: string;
  disliked(question: string, down: number, up: number): string;
}

/** Chinese, the newsroom's language (the weekly staff report is sent in it). */
export const REPORT_MESSAGES_ZH: ReportMessages = {
  heading: (days, questions, answered) => `<b>最近 ${days} 天的提问</b>：${questions} 个，答出 ${answered} 个`,
  unansweredHeading: '<b>未能回答的问题</b>（按共同关键词分组）',
  noUnanswered: '所有问题都答出了。',
  group: (count, keywords, example) => `${count} 次 ${keywords ? `<b>${keywords}</b> — ` : ''}例：“${example}”`,
  pinned: (pinId) => `✓ 已置顶答复 #${pinId}`,
  feedbackHeading: '<b>读者评价</b>（每周 👍 占比）',
  noFeedback: '还没有评价。',
  week: (week, up, down, upPercent) => `${week} 起的一周：👍 ${upPercent}%（👍 ${up}，👎 ${down}）`,
  dislikedHeading: '<b>差评最多的回答</b>',
  disliked: (question, down, up) => `👎 ${down} / 👍 ${up}：“${question}”`,
};

/** English. */
export const REPORT_MESSAGES_EN: ReportMessages = {
  heading: (days, questions, answered) => `<b>Questions in the last ${days} day(s)</b>: ${questions}, answered ${answered}`,
  unansweredHeading: '<b>Not answered</b> (grouped by shared words)',
  noUnanswered: 'Every question was answered.',
  group: (count, keywords, example) => `${count}× ${keywords ? `<b>${keywords}</b> — ` : ''}e.g. “${example}”`,
  pinned: (pinId) => `✓ pinned answer #${pinId}`,
  feedbackHeading: '<b>Reader votes</b> (👍 share per week)',
  noFeedback: 'No votes yet.',
  week: (week, up, down, upPercent) => `Week of ${week}: ${upPercent}% 👍 (${up} 👍, ${down} 👎)`,
  dislikedHeading: '<b>Most disliked answers</b>',
  disliked: (question, down, up) => `${down} 👎 / ${up} 👍: “${question}”`,
};
