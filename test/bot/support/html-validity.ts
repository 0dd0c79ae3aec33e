import { tokenizeHtml } from '../../../src/bot/render/html-tokens.js';

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
