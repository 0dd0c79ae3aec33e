import type { Passage } from '../../retrieval/passage.js';
import type { StoredChunk } from '../../store/article-store.js';
import { foldForMatching } from '../../text/fold-for-matching.js';
import { extractQuantities } from '../../text/numbers/extract-quantities.js';
import { splitClauses } from '../../text/split-clauses.js';
import { splitSentenceSpans } from '../../text/split-sentences.js';
import { ARTICLE_SENTENCES } from '../text/check-sentence-options.js';
import type { ArchiveArticle, ArchiveSentence } from './archive-article.js';

/** Reads every chunk of an article, in order (the article store does). */
export type ArticleChunkReader = (articleId: string) => StoredChunk[];

/**
 * Groups retrieved passages by article, in retrieval order, and splits each article into sentences.
 * With `readChunks`, the whole article is used (a figure's subject is often stated a few sentences earlier);
 * otherwise only the retrieved passages. Overlapping chunks yield each sentence once.
 */
export function buildArchiveArticles(passages: readonly Passage[], readChunks?: ArticleChunkReader): ArchiveArticle[] {
  const byArticle = new Map<string, Passage[]>();
  for (const passage of passages) {
    const list = byArticle.get(passage.articleId) ?? [];
    list.push(passage);
    byArticle.set(passage.articleId, list);
  }
  return [...byArticle.values()].map((articlePassages, rank) => {
    const first = articlePassages[0] as Passage;
    const stored = readChunks?.(first.articleId) ?? [];
    const chunks = stored.length > 0 ? stored : [...articlePassages].sort((left, right) => left.ordinal - right.ordinal);
    return buildArticle(
      first,
      chunks.map((chunk) => chunk.text),
      rank,
    );
  });
}

function buildArticle(first: Passage, chunkTexts: readonly string[], rank: number): ArchiveArticle {
  const sentences: ArchiveSentence[] = [];
  const add = (text: string, isHeading: boolean) => {
    const normalized = foldForMatching(text);
    if (sentences.some((sentence) => sentence.normalized.includes(normalized))) return;
    sentences.push({ index: sentences.length, text, normalized, clauses: splitClauses(text), quantities: extractQuantities(text), isHeading });
  };
  add(first.title, true);
  if (first.subtitle) add(first.subtitle, true);
  for (const chunkText of chunkTexts) for (const sentence of splitSentenceSpans(chunkText, ARTICLE_SENTENCES)) add(sentence.text, false);
  const normalizedHeading = foldForMatching(`${first.title} ${first.subtitle ?? ''}`);
  return {
    articleId: first.articleId,
    title: first.title,
    subtitle: first.subtitle,
    date: first.date,
    url: first.url,
    rank,
    sentences,
    normalizedHeading,
    normalizedText: sentences.map((sentence) => sentence.normalized).join('\n'),
  };
}
