import { escapeHtml } from '../bot/render/escape-html.js';
import type { ArticleStore, StoredArticle } from '../store/article-store.js';
import { digestHeading, type DigestLanguage } from './digest-language.js';
import { orderDigestArticles } from './order-digest-articles.js';
import { packMessages } from './pack-messages.js';
import { summarizeArticle } from './summarize-article.js';

/** One article as the digest lists it. */
export interface DigestArticle {
  articleId: string;
  title: string;
  /** One or two whole sentences from the lead (≤ ~120 characters); may be empty for a bodiless item. */
  summary: string;
  url: string | null;
  section: string | null;
}

/** A day's digest: the same content as plain text and as Telegram HTML messages. */
export interface Digest {
  /** YYYY-MM-DD. */
  date: string;
  articles: DigestArticle[];
  /** Plain text (for the CLI); empty when the day has no articles. */
  text: string;
  /** Telegram HTML, each ≤ `maxMessageChars`, split between articles; empty when there is nothing to send. */
  messages: string[];
}

/** Options for {@link buildDigest}. */
export interface BuildDigestOptions {
  /** Language of the heading. Default `zh`. */
  language?: DigestLanguage;
  /** Longest message, counted on the HTML source (Telegram's limit is 4096 after parsing). Default 4096. */
  maxMessageChars?: number;
  /** Longest summary. Default 120. */
  maxSummaryChars?: number;
}

const DEFAULTS = { language: 'zh', maxMessageChars: 4096, minMessageChars: 256, maxSummaryChars: 120 } as const;

/** Builds the digest of the articles published on `date` (YYYY-MM-DD). A day without articles gives no messages. */
export function buildDigest(store: ArticleStore, date: string, options: BuildDigestOptions = {}): Digest {
  const language = options.language ?? DEFAULTS.language;
  const maxMessageChars = Math.max(options.maxMessageChars ?? DEFAULTS.maxMessageChars, DEFAULTS.minMessageChars);
  const maxSummaryChars = options.maxSummaryChars ?? DEFAULTS.maxSummaryChars;
  const ordered = orderDigestArticles(store.articlesOnDate(date));
  const articles = ordered.map((article) => toDigestArticle(article, maxSummaryChars));
  if (articles.length === 0) return { date, articles, text: '', messages: [] };

  const heading = digestHeading(date, language);
  const sectionShown = articles.map((article, index) => article.section !== null && article.section !== articles[index - 1]?.section);
  const textBlocks = articles.map((article, index) => textBlock(article, index + 1, sectionShown[index] ?? false));
  const htmlBlocks = articles.map((article, index) => htmlBlock(article, index + 1, sectionShown[index] ?? false));
  const messages = packMessages(`<b>${escapeHtml(heading)}</b>`, htmlBlocks, maxMessageChars, (index, budget) =>
    shrunkHtmlBlock(articles[index] as DigestArticle, index + 1, budget),
  );
  return { date, articles, text: [heading, ...textBlocks].join('\n\n'), messages };
}

function toDigestArticle(article: StoredArticle, maxSummaryChars: number): DigestArticle {
  return {
    articleId: article.id,
    title: article.title.trim(),
    summary: summarizeArticle(article, { maxChars: maxSummaryChars }),
    url: article.url,
    section: article.section,
  };
}

function textBlock(article: DigestArticle, number: number, showSection: boolean): string {
  const lines = [showSection ? `【${article.section}】` : null, `${number}. ${article.title}`, article.summary || null, article.url];
  return lines.filter((line): line is string => line !== null && line !== '').join('\n');
}

function htmlBlock(article: DigestArticle, number: number, showSection: boolean): string {
  const title = isWebUrl(article.url) ? `<a href="${escapeHtml(article.url)}">${escapeHtml(article.title)}</a>` : escapeHtml(article.title);
  const lines = [showSection ? `<i>${escapeHtml(article.section ?? '')}</i>` : null, `<b>${number}. ${title}</b>`, article.summary ? escapeHtml(article.summary) : null];
  return lines.filter((line): line is string => line !== null).join('\n');
}

/** Only for pathological input (a huge URL or title): drop the link, then trim the title to fit. */
function shrunkHtmlBlock(article: DigestArticle, number: number, budget: number): string {
  const withoutLink = htmlBlock({ ...article, url: null }, number, false);
  if (withoutLink.length <= budget) return withoutLink;
  let title = article.title;
  while (title.length > 1) {
    title = title.slice(0, Math.floor(title.length * 0.8));
    const block = `<b>${number}. ${escapeHtml(title)}…</b>`;
    if (block.length <= budget) return block;
  }
  return `<b>${number}.</b>`;
}

function isWebUrl(url: string | null): url is string {
  return url !== null && /^https?:\/\/\S+$/i.test(url);
}
