import type { ArchiveStats } from '../../store/article-store.js';

/** A language the bot speaks. */
export type BotLanguage = 'zh' | 'en';

/**
 * Every text the bot sends on its own (not article text). Values are Telegram HTML:
 * functions escape whatever they interpolate.
 */
export interface Messages {
  readonly welcome: string;
  readonly examplesHeading: string;
  /** An example question about an article, from its title. */
  exampleQuestion(title: string): string;
  help(isStaff: boolean): string;
  readonly sourcesHeading: string;
  passageButton(n: number): string;
  readonly moreResultsButton: string;
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
  readonly citedPassage: string;
  fullTextHint(command: string): string;
  readonly undated: string;
  stats(stats: ArchiveStats): string;
  /** Title of the inline result that posts the answer (plain text, not HTML). */
  inlineAnswerTitle(snippet: string): string;
  readonly inlineNoResultsTitle: string;
  readonly inlineNoResultsText: string;
  readonly commandDescriptions: Readonly<Record<'start' | 'help' | 'ask' | 'latest' | 'source' | 'search' | 'stats', string>>;
}
