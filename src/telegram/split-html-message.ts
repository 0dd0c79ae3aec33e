import { tokenizeHtml, type HtmlToken } from './html-tokens.js';

/** Telegram's limit on a message's text. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/** Where a cut may fall, best first: paragraph, line, sentence, word, anywhere outside a link. */
const Boundary = { None: -1, Anywhere: 0, Word: 1, Sentence: 2, Line: 3, Paragraph: 4 } as const;
type Boundary = (typeof Boundary)[keyof typeof Boundary];

const SENTENCE_ENDS = new Set(['。', '！', '？', '!', '?', '.', '；', '…']);
const CLOSING_QUOTES = new Set(['”', '’', '」', '』', '"', "'", '）', ')']);

/**
 * Splits Telegram HTML into messages of at most `limit` characters.
 * Cuts at a paragraph break (\n\n), else a line break, else a sentence end (。！？.!?), else a space;
 * never inside a tag, an entity or a link (unless a single link is longer than a message).
 * Tags open at a cut are closed at the end of one part and re-opened at the start of the next,
 * so every part is valid HTML on its own. Parts with no visible text are dropped.
 * `limit` must leave room for the re-opened tags (a few hundred characters is plenty; Telegram's is 4096).
 */
export function splitHtmlMessage(html: string, limit: number = TELEGRAM_MESSAGE_LIMIT): string[] {
  if (html.length <= limit) return html.trim().length > 0 ? [html] : [];
  const tokens = tokenizeHtml(html);
  const parts: string[] = [];
  let openAtStart: HtmlToken[] = [];
  let index = 0;
  while (index < tokens.length) {
    index = skipLeadingWhitespace(tokens, index);
    if (index >= tokens.length) break;
    const cut = findCut(tokens, index, openAtStart, limit);
    const body = tokens
      .slice(index, cut.end)
      .map((token) => token.raw)
      .join('');
    const part = openAtStart.map((token) => token.raw).join('') + body + closingTags(cut.openAtEnd);
    if (hasVisibleText(tokens, index, cut.end)) parts.push(part);
    openAtStart = cut.openAtEnd;
    index = cut.end;
  }
  return parts;
}

interface Cut {
  /** Index just after the last token of the part. */
  end: number;
  /** Tags still open after that token (to close now and re-open in the next part). */
  openAtEnd: HtmlToken[];
}

function findCut(tokens: HtmlToken[], start: number, openAtStart: HtmlToken[], limit: number): Cut {
  const open = [...openAtStart];
  let length = open.reduce((sum, token) => sum + token.raw.length, 0);
  let closersLength = open.reduce((sum, token) => sum + closingTag(token).length, 0);
  let best: Cut | null = null;
  let bestBoundary: Boundary = Boundary.None;
  let lastFit: Cut | null = null;
  for (let position = start; position < tokens.length; position += 1) {
    const token = tokens[position]!;
    if (token.kind === 'open') {
      open.push(token);
      closersLength += closingTag(token).length;
    } else if (token.kind === 'close') {
      const closed = popMatching(open, token.name);
      if (closed) closersLength -= closingTag(closed).length;
    }
    length += token.raw.length;
    if (length + closersLength > limit) break;
    const candidate = { end: position + 1, openAtEnd: [...open] };
    lastFit = candidate;
    if (position + 1 === tokens.length) return candidate;
    const boundary = open.some((tag) => tag.name === 'a') ? Boundary.None : boundaryAfter(tokens, position);
    if (boundary !== Boundary.None && boundary >= bestBoundary) {
      best = candidate;
      bestBoundary = boundary;
    }
  }
  if (best) return best;
  if (lastFit) return lastFit;
  // Not even one token fits next to the re-opened tags: emit it anyway so the loop always advances.
  return { end: start + 1, openAtEnd: applyTags(openAtStart, tokens[start]!) };
}

function boundaryAfter(tokens: HtmlToken[], position: number): Boundary {
  const token = tokens[position]!;
  const next = tokens[position + 1];
  if (token.kind !== 'text') return Boundary.Anywhere;
  if (token.raw === '\n') return previousText(tokens, position) === '\n' ? Boundary.Paragraph : Boundary.Line;
  const nextText = next?.kind === 'text' ? next.raw : '';
  if (nextText === '\n') return Boundary.Anywhere;
  if (endsSentence(tokens, position) && !/^[0-9A-Za-z]$/.test(nextText)) return Boundary.Sentence;
  if (/^\s$/.test(token.raw)) return Boundary.Word;
  return Boundary.Anywhere;
}

function endsSentence(tokens: HtmlToken[], position: number): boolean {
  let cursor = position;
  while (cursor >= 0 && tokens[cursor]!.kind === 'text' && CLOSING_QUOTES.has(tokens[cursor]!.raw)) cursor -= 1;
  const token = tokens[cursor];
  return token !== undefined && token.kind === 'text' && SENTENCE_ENDS.has(token.raw);
}

function previousText(tokens: HtmlToken[], position: number): string {
  const previous = tokens[position - 1];
  return previous?.kind === 'text' ? previous.raw : '';
}

function skipLeadingWhitespace(tokens: HtmlToken[], index: number): number {
  let cursor = index;
  while (cursor < tokens.length && tokens[cursor]!.kind === 'text' && /^\s$/.test(tokens[cursor]!.raw)) cursor += 1;
  return cursor;
}

function hasVisibleText(tokens: HtmlToken[], start: number, end: number): boolean {
  for (let position = start; position < end; position += 1) {
    const token = tokens[position]!;
    if (token.kind === 'entity' || (token.kind === 'text' && !/^\s$/.test(token.raw))) return true;
  }
  return false;
}

function popMatching(open: HtmlToken[], name: string): HtmlToken | undefined {
  for (let position = open.length - 1; position >= 0; position -= 1) {
    if (open[position]!.name === name) return open.splice(position, 1)[0];
  }
  return undefined;
}

function applyTags(open: HtmlToken[], token: HtmlToken): HtmlToken[] {
  const result = [...open];
  if (token.kind === 'open') result.push(token);
  if (token.kind === 'close') popMatching(result, token.name);
  return result;
}

function closingTag(token: HtmlToken): string {
  return `</${token.name}>`;
}

function closingTags(open: HtmlToken[]): string {
  return [...open].reverse().map(closingTag).join('');
}
