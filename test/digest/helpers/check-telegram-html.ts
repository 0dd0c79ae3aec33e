/**
 * Problems that would make Telegram reject HTML parse mode: unknown or unbalanced tags, a bare
 * "<" or "&", an unquoted href. Empty when the HTML is valid.
 */
export function telegramHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  const allowed = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'blockquote', 'tg-spoiler']);
  const token = /<(\/?)([a-z-]+)((?:\s+[a-z]+="[^"<>]*")*)\s*>|<|&(?:amp|lt|gt|quot|#\d+|#x[0-9a-f]+);|&/gi;
  for (const match of html.matchAll(token)) {
    const [whole, closing, name, attributes] = match;
    if (whole === '<') problems.push(`bare "<" at ${match.index}`);
    else if (whole === '&') problems.push(`bare "&" at ${match.index}`);
    else if (name) {
      const tag = name.toLowerCase();
      if (!allowed.has(tag)) problems.push(`unsupported tag <${tag}>`);
      if (closing) {
        if (open.pop() !== tag) problems.push(`unbalanced </${tag}> at ${match.index}`);
      } else {
        if (tag === 'a' && !/^\s+href="[^"]+"$/.test(attributes ?? '')) problems.push(`<a> without a quoted href at ${match.index}`);
        open.push(tag);
      }
    }
  }
  if (open.length > 0) problems.push(`unclosed tags: ${open.join(', ')}`);
  return problems;
}

/** The text Telegram shows for HTML: tags removed, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
