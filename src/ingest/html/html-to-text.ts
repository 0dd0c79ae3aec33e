import { extractParagraphs } from './extract-paragraphs.js';
import { parseDocument } from './parse-document.js';

/** Paragraphs of an HTML fragment (a feed item's content, an escaped title), tags dropped and entities decoded. */
export function htmlToParagraphs(html: string): string[] {
  const body = parseDocument(html).body;
  return body ? extractParagraphs(body).paragraphs : [];
}

/** One line of plain text from an HTML fragment. */
export function htmlToText(html: string): string {
  return htmlToParagraphs(html).join(' ');
}
