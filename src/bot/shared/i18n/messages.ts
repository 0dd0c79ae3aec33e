import type { ArchiveStats } from '../../../store/article-store.js';
import type { ReportMessages } from '../../../report/report-messages.js';

/** A language the bot speaks. */
export type BotLanguage = 'zh' | 'en';

/**
 * Every text the bot sends on its own (not article text). Values are Telegram HTML (functions escape what they
 * interpolate), except button texts and inline titles, which Telegram shows as plain text.
 */
export interface Messages {
  readonly language: BotLanguage;
  readonly welcome: string;
  readonly examplesHeading: string;
  /** An example question about an article, from its title. */
  exampleQuestion(title: string): string;
  /** How to ask, before the command list of /help. */
  readonly helpIntro: string;
  /** Heading of the staff commands in /help (shown to staff only). */
  readonly staffHeading: string;
  readonly sourcesHeading: string;
  passageButton(n: number): string;
  readonly moreResultsButton: string;
  /** Button under an answer: follow what the question is about (plain text). */
  readonly followTopicButton: string;
  readonly noAnswer: string;
  readonly askUsage: string;
  questionTooLong(maxCharacters: number): string;
  slowDown(seconds: number): string;
  readonly timedOut: string;
  readonly somethingWentWrong: string;
  readonly staffOnly: string;
  readonly latestHeading: string;
  readonly archiveEmpty: string;
  readonly sourceUsage: string;
  sourceNotFound(reference: string): string;
  readonly searchUsage: string;
  readonly noResults: string;
  readonly searchHeading: string;
  readonly moreResultsHeading: string;
  readonly noMoreResults: string;
  readonly buttonExpired: string;
  /** Heading of the other stories named under an answer ("另有报道："; HTML). */
  readonly otherStoriesHeading: string;
  /** Button under an answer: ask the same question about another story, by its title (plain text). */
  otherStoryButton(title: string): string;
  /** The line above an answer about one story: which story, and the question (HTML; the function escapes both). */
  aboutStory(title: string, question: string): string;
  /** One other story under an answer: its title, date and the sentence it answers with (HTML; the function escapes). */
  otherStoryLine(title: string, date: string, snippet: string): string;
  readonly citedPassage: string;
  fullTextHint(command: string): string;
  /** Button under a long /source page: the next page, out of `pageCount` (plain text). */
  nextPageButton(page: number, pageCount: number): string;
  /** Button under a long /source page: the whole article as a .txt file (plain text). */
  readonly fullTextFileButton: string;
  /** Caption of the .txt file of an article (HTML; `title` is escaped by the function). */
  fullTextFileCaption(title: string): string;
  readonly undated: string;
  stats(stats: ArchiveStats): string;
  /** Title of the inline result that posts the answer (plain text, not HTML). */
  inlineAnswerTitle(snippet: string): string;
  /** Button above empty inline results; opens a private chat with the bot. */
  readonly inlineNoResultsButton: string;
  /** The first message of a streamed answer, before any sentence is verified (HTML). */
  readonly answering: string;
  /** What the question log keeps and how to delete it, shown by /help (HTML). */
  privacyNote(retentionDays: number): string;
  /** After /forget: how many questions and votes were deleted. */
  forgetDone(questions: number, votes: number): string;
  /** Toast after a 👍 / 👎 (plain text). */
  readonly feedbackThanks: string;
  readonly unansweredUsage: string;
  /** Texts of /unanswered and the feedback part of /stats. */
  readonly report: ReportMessages;
  readonly commandDescriptions: Readonly<
    Record<'start' | 'help' | 'ask' | 'latest' | 'source' | 'forget' | 'search' | 'stats' | 'unanswered' | 'timeline' | 'follow' | 'unfollow' | 'following', string>
  >;
}
