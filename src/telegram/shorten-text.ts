import { removeUnsafeCharacters } from '../text/remove-unsafe-characters.js';

/**
 * Cuts plain text to at most `maxCharacters` (code points), ending with an ellipsis when cut; whitespace collapsed,
 * control characters, bidi overrides and lone surrogates dropped (plain text goes to Telegram unescaped: inline
 * titles, alerts, captions).
 */
export function shortenText(text: string, maxCharacters: number): string {
  const collapsed = removeUnsafeCharacters(text.replace(/\s+/g, ' ')).trim();
  const characters = [...collapsed];
  if (characters.length <= maxCharacters) return collapsed;
  return `${characters
    .slice(0, Math.max(0, maxCharacters - 1))
    .join('')
    .trimEnd()}…`;
}
