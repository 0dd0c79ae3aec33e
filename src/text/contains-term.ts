/** Marks that may split a two-character word in print (省、市 for 省市). */
const LIST_MARKS = ['、', '·'];

/**
 * Whether folded `text` contains the folded claim word: verbatim, or for words of three characters or more
 * with at most two characters between theirs (县市区 in "县(市、区)"), for two-character words with a list mark
 * between (省市 in "省、市").
 */
export function containsTerm(text: string, word: string): boolean {
  if (text.includes(word)) return true;
  const characters = [...word];
  if (characters.length === 2) return LIST_MARKS.some((mark) => text.includes(`${characters[0]}${mark}${characters[1]}`));
  if (characters.length < 3) return false;
  const first = characters[0] as string;
  const maxSpan = characters.length + 2;
  for (let start = text.indexOf(first); start >= 0; start = text.indexOf(first, start + 1)) {
    let position = start;
    let matched = true;
    for (const character of characters.slice(1)) {
      const next = text.indexOf(character, position + 1);
      if (next < 0 || next - start >= maxSpan) {
        matched = false;
        break;
      }
      position = next;
    }
    if (matched) return true;
  }
  return false;
}
