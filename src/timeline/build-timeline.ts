import type { Retriever } from '../retrieval/passage.js';
import type { DateRange } from '../store/article-store.js';
import { splitSentences } from '../text/split-sentences.js';
import { normalizeForMatching } from '../text/normalize-text.js';

/** One report of a story: its date, the sentence that carries the news, where it is. */
export interface TimelineEntry {
  /** YYYY-MM-DD, or null for an undated article (listed last). */
  date: string | null;
  articleId: string;
  title: string;
  text: string;
  url: string | null;
}

/** The `timeline --json` shape of docs/ARCHITECTURE.md. */
export interface TimelineResult {
  topic: string;
  entries: TimelineEntry[];
}

export interface BuildTimelineOptions {
  retriever: Retriever;
  /** Only reports dated in this range (an undated one is then left out). */
  range?: DateRange;
  /** Articles read at most (default 60). */
  maxArticles?: number;
  /** Least vector similarity to the topic, as a share of the best article's, for an article to be about it (default 0.6). */
  minSimilarityShare?: number;
  /** Longest line text in characters (default 90). */
  maxTextChars?: number;
}

export const TIMELINE_DEFAULTS = { maxArticles: 60, minSimilarityShare: 0.6, maxTextChars: 90 } as const;

/**
 * The reports on a topic, oldest first (undated ones last), one per article with the sentence that carries the news.
 * An article is about the topic when the keyword search finds it and its vector similarity to the topic is at least
 * `minSimilarityShare` of the best article's. BM25 cannot draw that line: one rare word of the topic (通车 in
 * 湘江四桥通车) puts two reports a million times above the story's others. In the timeline tests (offline
 * embedder) the story's reports reach 0.70–1.0 of the best similarity, an article sharing one word of the topic
 * (湘江 of 湘江四桥) 0.33–0.44, an unrelated one under 0.1; a passage only the vector search brought back is no report.
 */
export async function buildTimeline(topic: string, options: BuildTimelineOptions): Promise<TimelineResult> {
  const passages = await options.retriever.search(topic, {
    k: options.maxArticles ?? TIMELINE_DEFAULTS.maxArticles,
    perArticle: 1,
    ...(options.range ? { range: options.range } : {}),
  });
  const keywordHits = passages.filter((passage) => passage.keywordRank !== null);
  const best = Math.max(0, ...keywordHits.map((passage) => passage.similarity ?? 0));
  const minSimilarity = best * (options.minSimilarityShare ?? TIMELINE_DEFAULTS.minSimilarityShare);
  // Without vectors (a lexical archive whose keywords sufficed) every keyword hit counts.
  const about = keywordHits.filter((passage) => passage.similarity === null || passage.similarity >= minSimilarity);
  const maxChars = options.maxTextChars ?? TIMELINE_DEFAULTS.maxTextChars;
  const entries = about.map((passage) => ({
    date: passage.date,
    articleId: passage.articleId,
    title: passage.title,
    text: shorten(newsSentence(passage.text, topic), maxChars),
    url: passage.url,
  }));
  entries.sort((left, right) => (left.date === null ? 1 : 0) - (right.date === null ? 1 : 0) || (left.date ?? '').localeCompare(right.date ?? ''));
  return { topic, entries };
}

/** The passage's sentence sharing most two-character runs with the topic; the first (the lead) on a tie. */
function newsSentence(text: string, topic: string): string {
  const pairs = new Set<string>();
  const folded = normalizeForMatching(topic).replace(/\s+/g, '');
  for (let index = 0; index + 1 < folded.length; index += 1) pairs.add(folded.slice(index, index + 2));
  let best = '';
  let bestShared = -1;
  for (const sentence of splitSentences(text)) {
    const own = normalizeForMatching(sentence);
    const shared = [...pairs].filter((pair) => own.includes(pair)).length;
    if (shared > bestShared) {
      best = sentence;
      bestShared = shared;
    }
  }
  return best.trim();
}

function shorten(text: string, maxChars: number): string {
  const characters = [...text];
  return characters.length <= maxChars ? text : `${characters.slice(0, maxChars - 1).join('')}…`;
}
