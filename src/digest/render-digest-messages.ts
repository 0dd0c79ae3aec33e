import type { Digest, DigestArticle } from './build-digest.js';
import { escapeHtml } from '../telegram/escape-html.js';
import { packMessages } from '../telegram/pack-messages.js';

/** Options for {@link renderDigestMessages}. */
export interface RenderDigestMessagesOptions {
  /** Longest message, counted on the HTML source (Telegram's limit is 4096 after parsing). Default 4096. */
  maxMessageChars?: number;
}

const DEFAULTS = { maxMessageChars: 4096, minMessageChars: 256 } as const;

/**
 * A digest as Telegram HTML messages, each ≤ `maxMessageChars`, split between articles; no
 * messages for a day without articles. Titles link to http(s) URLs only.
 */
export function renderDigestMessages(digest: Digest, options: RenderDigestMessagesOptions = {}): string[] {
  const { articles } = digest;
  if (articles.length === 0) return [];
  const maxMessageChars = Math.max(options.maxMessageChars ?? DEFAULTS.maxMessageChars, DEFAULTS.minMessageChars);
  const blocks = articles.map((article, index) => htmlBlock(article, index + 1, article.showSection));
  return packMessages(`<b>${escapeHtml(digest.heading)}</b>`, blocks, maxMessageChars, (index, budget) => shrunkHtmlBlock(articles[index] as DigestArticle, index + 1, budget));
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
