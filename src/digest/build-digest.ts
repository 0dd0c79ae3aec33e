import type { ArticleStore, StoredArticle } from '../store/article-store.js';
import { digestHeading, type DigestLanguage } from './digest-language.js';
import { orderDigestArticles } from './order-digest-articles.js';
import { summarizeArticle } from './summarize-article.js';

/** One article as the digest lists it. */
export interface DigestArticle {
  articleId: string;
  title: string;
  /** One or two whole sentences from the lead (≤ ~120 characters); may be empty for a bodiless item. */
  summary: string;
  url: string | null;
  section: string | null;
  /** Whether the list shows the section above this article (the first of its section in a run). */
  showSection: boolean;
}

/**
 * A day's digest as content: what to say, not how Telegram shows it (the bot renders it to HTML
 * messages, `renderDigestMessages` beside it).
 */
export interface Digest {
  /** YYYY-MM-DD. */
  date: string;
  /** "2026年4月23日 星期四 · 今日要闻". */
  heading: string;
  /** In page order; empty when the day has no articles. */
  articles: DigestArticle[];
  /** Plain text (for the CLI); empty when the day has no articles. */
  text: string;
}

/** Options for {@link buildDigest}. */
export interface BuildDigestOptions {
  /** Language of the heading. Default `zh`. */
  language?: DigestLanguage;
  /** Longest summary. Default 120. */
  maxSummaryChars?: number;
}

const DEFAULTS = { language: 'zh', maxSummaryChars: 120 } as const;

/** Builds the digest of the articles published on `date` (YYYY-MM-DD). */
export function buildDigest(store: ArticleStore, date: string, options: BuildDigestOptions = {}): Digest {
  const language = options.language ?? DEFAULTS.language;
  const maxSummaryChars = options.maxSummaryChars ?? DEFAULTS.maxSummaryChars;
  const ordered = orderDigestArticles(store.articlesOnDate(date));
  const heading = digestHeading(date, language);
  const articles = ordered.map((article, index) => toDigestArticle(article, ordered[index - 1], maxSummaryChars));
  if (articles.length === 0) return { date, heading, articles, text: '' };
  const textBlocks = articles.map((article, index) => textBlock(article, index + 1));
  return { date, heading, articles, text: [heading, ...textBlocks].join('\n\n') };
}

function toDigestArticle(article: StoredArticle, previous: StoredArticle | undefined, maxSummaryChars: number): DigestArticle {
  return {
    articleId: article.id,
    title: article.title.trim(),
    summary: summarizeArticle(article, { maxChars: maxSummaryChars }),
    url: article.url,
    section: article.section,
    showSection: article.section !== null && article.section !== previous?.section,
  };
}

function textBlock(article: DigestArticle, number: number): string {
  const lines = [article.showSection ? `【${article.section}】` : null, `${number}. ${article.title}`, article.summary || null, article.url];
  return lines.filter((line): line is string => line !== null && line !== '').join('\n');
}
