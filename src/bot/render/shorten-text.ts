/** Cuts plain text to at most `maxCharacters` (code points), ending with an ellipsis when cut; whitespace collapsed. */
export function shortenText(text: string, maxCharacters: number): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  const characters = [...collapsed];
  if (characters.length <= maxCharacters) return collapsed;
  return `${characters
    .slice(0, Math.max(0, maxCharacters - 1))
    .join('')
    .trimEnd()}…`;
}
