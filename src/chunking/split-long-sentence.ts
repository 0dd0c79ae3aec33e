/**
 * Cuts a sentence longer than `budget` at clause marks (，、：,) and, failing that, at the budget,
 * so that no chunk ever exceeds its size. Nothing is dropped: the pieces concatenate to the input.
 */
export function splitLongSentence(sentence: string, budget: number): string[] {
  if (sentence.length <= budget) return [sentence];
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > budget) {
    let cut = -1;
    for (let index = budget; index >= Math.floor(budget / 2); index -= 1) {
      if (CLAUSE_END.has(rest[index - 1]!)) {
        cut = index;
        break;
      }
    }
    if (cut === -1) cut = budget;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

const CLAUSE_END = new Set(['，', '、', '：', ',', ':', ' ', '）', ')']);
