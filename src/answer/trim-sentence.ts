/**
 * Shortens a sentence longer than `maxChars` to the run of clauses (split at ，；：、)
 * that holds the most question terms, marking the cuts with an ellipsis.
 */
export function trimSentence(sentence: string, maxChars: number, terms: readonly string[], weightOf: (term: string) => number): string {
  if (sentence.length <= maxChars) return sentence;
  const clauses = sentence.match(/[^，；：,;:]+[，；：,;:]?/g) ?? [sentence];
  let best = { start: 0, end: 0, score: -1 };
  for (let start = 0; start < clauses.length; start += 1) {
    let length = 0;
    for (let end = start; end < clauses.length; end += 1) {
      length += clauses[end]!.length;
      if (length > maxChars - 2) break;
      const window = clauses.slice(start, end + 1).join('');
      const score = terms.reduce((sum, term) => sum + (window.includes(term) ? weightOf(term) : 0), 0) + length / 10_000;
      if (score > best.score) best = { start, end: end + 1, score };
    }
  }
  if (best.score < 0) return `${sentence.slice(0, maxChars - 1)}…`;
  let text = clauses
    .slice(best.start, best.end)
    .join('')
    .replace(/[，；：,;:]$/, '');
  if (best.start > 0) text = `…${text}`;
  if (best.end < clauses.length) text = `${text}…`;
  return text;
}
