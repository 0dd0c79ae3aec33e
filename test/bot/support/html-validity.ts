import { expect } from 'vitest';
import { htmlToText, tokenizeHtml } from '../../../src/telegram/html-tokens.js';

/** Problems that would make Telegram refuse a message in HTML mode: unbalanced tags, stray `<` or `&`. */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  for (const token of tokenizeHtml(html)) {
    if (token.kind === 'open') open.push(token.name);
    else if (token.kind === 'close') {
      const expected = open.pop();
      if (expected !== token.name) problems.push(`</${token.name}> closes <${expected ?? 'nothing'}>`);
    } else if (token.kind === 'text' && (token.raw === '<' || token.raw === '&' || token.raw === '>')) {
      problems.push(`unescaped ${token.raw}`);
    }
  }
  if (open.length > 0) problems.push(`unclosed <${open.join('>, <')}>`);
  return problems;
}

/** Checks messages split from one long text: at least two, each within Telegram's limit and valid, all paragraphs kept. */
export function expectValidSplit(parts: Array<{ text: string }>, paragraphs: readonly string[]): void {
  expect(parts.length).toBeGreaterThanOrEqual(2);
  for (const part of parts) {
    expect(part.text.length).toBeLessThanOrEqual(4096);
    expect(htmlProblems(part.text)).toEqual([]);
  }
  const text = parts.map((part) => htmlToText(part.text)).join('');
  for (const paragraph of paragraphs) expect(text).toContain(paragraph);
}
