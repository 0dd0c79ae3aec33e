import { splitSentenceSpans } from '../text/split-sentences.js';

/**
 * One question's view of the articles its passages come from: each article's text is read and folded once, and
 * each question word matched against it once, however many of the article's passages and sentences ask. Made per
 * question and dropped with it, so it holds at most the passages' articles.
 */
export class ArticleMatches {
  private readonly texts = new Map<string, string>();
  private readonly matches = new Map<string, Float64Array>();
  private readonly leadMatches = new Map<string, Float64Array>();

  /**
   * @param articleText the full text of an article (none: every article reads as empty)
   * @param fold how texts are folded for matching
   * @param matchers how much of each question word a folded text holds, by the word's index
   */
  constructor(
    private readonly articleText: ((articleId: string) => string) | undefined,
    private readonly fold: (text: string) => string,
    private readonly matchers: readonly ((text: string) => number)[],
  ) {}

  /** The article's folded text ('' when unknown). */
  text(articleId: string): string {
    let text = this.texts.get(articleId);
    if (text === undefined) {
      text = this.fold(this.articleText?.(articleId) ?? '');
      this.texts.set(articleId, text);
    }
    return text;
  }

  /** How much of question word `unitIndex` the article's first sentence holds (0 when the article is unknown). */
  leadMatch(articleId: string, unitIndex: number): number {
    let matches = this.leadMatches.get(articleId);
    if (matches === undefined) {
      const lead = leadSentence(this.text(articleId));
      matches = Float64Array.from(this.matchers, (match) => (lead === '' ? 0 : match(lead)));
      this.leadMatches.set(articleId, matches);
    }
    return matches[unitIndex]!;
  }

  /** How much of question word `unitIndex` the article's folded text holds (see `matchUnit`). */
  match(articleId: string, unitIndex: number): number {
    let matches = this.matches.get(articleId);
    if (matches === undefined) {
      matches = new Float64Array(this.matchers.length).fill(Number.NaN);
      this.matches.set(articleId, matches);
    }
    let value = matches[unitIndex]!;
    if (Number.isNaN(value)) {
      value = this.matchers[unitIndex]!(this.text(articleId));
      matches[unitIndex] = value;
    }
    return value;
  }
}

/** The first sentence of a folded article's first paragraph ('' for an empty text). */
function leadSentence(text: string): string {
  const end = text.indexOf('\n');
  return splitSentenceSpans(end === -1 ? text : text.slice(0, end))[0]?.text ?? '';
}
