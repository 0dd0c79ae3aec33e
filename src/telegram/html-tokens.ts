/** One atom of Telegram HTML: a tag, an entity, or a single character (code point) of text. */
export interface HtmlToken {
  kind: 'open' | 'close' | 'void' | 'entity' | 'text';
  raw: string;
  /** Lower-case tag name for tags; empty otherwise. */
  name: string;
}

const TAG_OR_ENTITY = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/y;

/**
 * Splits HTML into atoms so a splitter can cut between them without breaking a tag or an entity.
 * A stray `<` or `&` (already invalid for Telegram) is kept as plain text.
 */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let position = 0;
  while (position < html.length) {
    const character = html[position];
    if (character === '<' || character === '&') {
      TAG_OR_ENTITY.lastIndex = position;
      const match = TAG_OR_ENTITY.exec(html);
      if (match) {
        tokens.push(classify(match[0]));
        position += match[0].length;
        continue;
      }
    }
    const codePoint = html.codePointAt(position) ?? 0;
    const text = String.fromCodePoint(codePoint);
    tokens.push({ kind: 'text', raw: text, name: '' });
    position += text.length;
  }
  return tokens;
}

function classify(raw: string): HtmlToken {
  if (raw.startsWith('&')) return { kind: 'entity', raw, name: '' };
  const name = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(raw)?.[1]?.toLowerCase() ?? '';
  if (raw.startsWith('</')) return { kind: 'close', raw, name };
  if (raw.endsWith('/>')) return { kind: 'void', raw, name };
  return { kind: 'open', raw, name };
}

/** The visible text of HTML: tags removed, entities decoded. */
export function htmlToText(html: string): string {
  return tokenizeHtml(html)
    .map((token) => {
      if (token.kind === 'text') return token.raw;
      if (token.kind === 'entity') return decodeEntity(token.raw);
      return '';
    })
    .join('');
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

function decodeEntity(entity: string): string {
  const body = entity.slice(1, -1);
  if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
  return NAMED_ENTITIES[body] ?? entity;
}
