import { removeUnsafeCharacters } from '../text/remove-unsafe-characters.js';

/**
 * Escapes text for Telegram's HTML parse mode (only &, < and > are special there; quotes for attribute values).
 * Control characters, bidi overrides and lone surrogates are dropped on the way: ingest removes them from articles,
 * but a reader's own text, or an article stored by an older version, may still carry them.
 */
export function escapeHtml(text: string): string {
  return removeUnsafeCharacters(text).replace(/[&<>"]/g, (character) => HTML_ENTITIES[character] ?? character);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
