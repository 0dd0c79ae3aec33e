import type { Article } from '../ingest/article.js';
import type { Chunk } from './chunk.js';
import { splitSentences } from '../text/split-sentences.js';
import { splitLongSentence } from './split-long-sentence.js';

export interface ChunkOptions {
  /** Most characters in a chunk's text plus its heading (default 400: fits a 512-token Chinese model). */
  maxChars?: number;
  /** Characters of trailing sentences repeated at the start of the next chunk (default 80). */
  overlapChars?: number;
}

export const CHUNK_DEFAULTS = { maxChars: 400, overlapChars: 80 } as const;

/** The heading carried with every chunk: title, plus subtitle when there is one. */
export function chunkHeading(article: Pick<Article, 'title' | 'subtitle'>): string {
  return article.subtitle ? `${article.title} ${article.subtitle}` : article.title;
}

/**
 * Cuts an article into passages of whole sentences within a size budget, with a small overlap.
 * The heading counts against the budget, because heading + text is what the embedder sees.
 */
export function chunkArticle(article: Article, options: ChunkOptions = {}): Chunk[] {
  const maxChars = options.maxChars ?? CHUNK_DEFAULTS.maxChars;
  const overlapChars = options.overlapChars ?? CHUNK_DEFAULTS.overlapChars;
  const heading = chunkHeading(article);
  // -1: the newline between heading and text in what the embedder sees. A very long heading
  // still leaves half the budget for text (the embedder truncates such rare inputs).
  const budget = Math.max(Math.floor(maxChars / 2), maxChars - heading.length - 1);
  const units = article.paragraphs.flatMap((paragraph, paragraphIndex) =>
    splitSentences(paragraph)
      .flatMap((sentence) => splitLongSentence(sentence, budget))
      .map((text) => ({ text, paragraphIndex })),
  );
  const chunks: Chunk[] = [];
  let current: typeof units = [];
  let currentLength = 0;
  let freshSentences = 0;

  const flush = (): void => {
    if (freshSentences === 0) return;
    chunks.push({ articleId: article.id, ordinal: chunks.length, heading, text: joinUnits(current) });
    const overlap: typeof units = [];
    let overlapLength = 0;
    for (let index = current.length - 1; index >= 0; index -= 1) {
      const unit = current[index]!;
      if (overlapLength + unit.text.length + 1 > overlapChars) break;
      overlap.unshift(unit);
      overlapLength += unit.text.length + 1;
    }
    current = overlap;
    currentLength = overlapLength;
    freshSentences = 0;
  };

  // A unit costs its length plus one for the separator that may join it to the previous one.
  for (const unit of units) {
    if (currentLength + unit.text.length > budget) {
      flush();
      while (current.length > 0 && currentLength + unit.text.length > budget) {
        currentLength -= current.shift()!.text.length + 1;
      }
    }
    current.push(unit);
    currentLength += unit.text.length + 1;
    freshSentences += 1;
  }
  flush();
  return chunks;
}

/** Sentences of one paragraph are joined directly (Chinese uses no spaces); paragraphs by a newline. */
function joinUnits(units: { text: string; paragraphIndex: number }[]): string {
  let text = '';
  let previousParagraph = -1;
  for (const unit of units) {
    if (text.length > 0) text += unit.paragraphIndex === previousParagraph ? joiner(text, unit.text) : '\n';
    text += unit.text;
    previousParagraph = unit.paragraphIndex;
  }
  return text;
}

function joiner(before: string, after: string): string {
  return /[A-Za-z0-9.,;:!?]$/.test(before) && /^[A-Za-z0-9]/.test(after) ? ' ' : '';
}
