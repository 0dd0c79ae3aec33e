import { splitSentences } from '../text/split-sentences.js';

/** Options for {@link summarizeArticle}. */
export interface SummarizeArticleOptions {
  /** Longest summary in characters (UTF-16 code units), ellipsis included. Default 120. */
  maxChars?: number;
  /** Most whole sentences to use. Default 2. */
  maxSentences?: number;
}

/** The article fields a summary reads. */
export interface SummarizableArticle {
  subtitle: string | null;
  paragraphs: readonly string[];
}

const DEFAULTS = {
  maxChars: 120,
  maxSentences: 2,
  /** Lead paragraphs searched for sentences. */
  leadParagraphs: 2,
  /** A replacement sentence shorter than this rarely says what the article is about. */
  minUsefulSentenceChars: 20,
} as const;

/**
 * An extractive summary made of whole sentences from the article's lead: the first one or two
 * sentences when they fit the budget; else another whole lead sentence that fits; else the first
 * sentence cut at a clause boundary (，；：) and ended with "…". Empty when there is no body.
 */
export function summarizeArticle(article: SummarizableArticle, options: SummarizeArticleOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULTS.maxChars;
  const maxSentences = options.maxSentences ?? DEFAULTS.maxSentences;
  const lead = article.paragraphs.filter(isBodyParagraph).slice(0, DEFAULTS.leadParagraphs);
  if (lead[0] !== undefined) lead[0] = stripDateline(lead[0]);
  const sentences = lead.flatMap((paragraph) => splitSentences(paragraph, { semicolons: false }));
  const first = sentences[0];
  if (first === undefined) return article.subtitle ? cutAtClause(article.subtitle.trim(), maxChars) : '';

  if (first.length <= maxChars) return joinWhileFits(sentences, maxChars, maxSentences);
  const replacement = sentences.findIndex((sentence, index) => index > 0 && sentence.length >= DEFAULTS.minUsefulSentenceChars && sentence.length <= maxChars);
  if (replacement > 0) return joinWhileFits(sentences.slice(replacement), maxChars, maxSentences);
  return cutAtClause(first, maxChars);
}

function joinWhileFits(sentences: readonly string[], maxChars: number, maxSentences: number): string {
  let summary = '';
  for (const sentence of sentences.slice(0, maxSentences)) {
    const next = summary === '' ? sentence : joinSentences(summary, sentence);
    if (next.length > maxChars) break;
    summary = next;
  }
  return summary;
}

/** Chinese sentences join directly; Latin ones need a space. */
function joinSentences(left: string, right: string): string {
  return /[.!?"')]$/.test(left) ? `${left} ${right}` : `${left}${right}`;
}

/** Bylines ("记者/王娜"), photo credits and short subheads are not sentences to summarize. */
function isBodyParagraph(paragraph: string): boolean {
  const text = paragraph.trim();
  if (text.length === 0) return false;
  if (text.length < 40 && /(记者|通讯员|编辑|摄影|供图|来源|撰文)\s*[/／:：]/.test(text)) return false;
  if (/[。！？!?.…”"]$/.test(text)) return true;
  return text.length >= 40;
}

/** "新华社北京4月23日电 " or "本报讯（记者 王娜）" carries no news. */
function stripDateline(paragraph: string): string {
  return paragraph.replace(/^\s*[\p{Script=Han}A-Za-z]{0,6}(?:社|报)[\p{Script=Han}\d月日]{0,16}(?:电|讯)\s*(?:[（(][^）)]{0,30}[）)])?\s*/u, '').trimStart();
}

/** Clause boundaries that can end a cut: the cut text keeps everything before the mark. */
const CLAUSE_MARKS = /[，；：,;:]|——/g;

function cutAtClause(sentence: string, maxChars: number): string {
  if (sentence.length <= maxChars) return sentence;
  const candidates: string[] = [];
  for (const match of sentence.matchAll(CLAUSE_MARKS)) {
    const head = sentence.slice(0, match.index).trimEnd();
    if (head.length > 0 && head.length + 1 <= maxChars) candidates.push(head);
  }
  const balanced = candidates.filter(hasBalancedQuotes);
  const best = balanced.at(-1) ?? candidates.at(-1);
  if (best !== undefined) return `${best}…`;
  return `${sentence.slice(0, maxChars - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
}

function hasBalancedQuotes(text: string): boolean {
  const count = (pattern: RegExp): number => (text.match(pattern) ?? []).length;
  return count(/“/g) === count(/”/g) && count(/（/g) === count(/）/g) && count(/《/g) === count(/》/g);
}
