import type { TextSpan } from '../text/text-span.js';

/**
 * Shortens a sentence longer than `maxChars` to the run of clauses (split at ，；：, and a list's 、) that holds the most
 * question terms and, above all, the asked-for fact (`slots`, offsets into the sentence), marking the cuts
 * with an ellipsis. A long sentence that answers is cut down around its answer rather than passed over.
 */
export function trimSentence(sentence: string, maxChars: number, terms: readonly string[], weightOf: (term: string) => number, slots: readonly TextSpan[] = []): string {
  if (sentence.length <= maxChars) return sentence;
  // Clauses, and the items of a list (、): a list of names can be longer than the answer may be.
  const clauses = sentence.match(/[^，；：,;:、]+[，；：,;:、]?/g) ?? [sentence];
  const starts: number[] = [];
  clauses.reduce((offset, clause) => {
    starts.push(offset);
    return offset + clause.length;
  }, 0);
  // The asked-for fact outweighs every question term together: a window without it answers nothing, however many
  // of the question's words it repeats (a list of 榜单's names before 7家企业上榜).
  const slotWeight = 1 + terms.reduce((sum, term) => sum + weightOf(term), 0);
  let best = { start: 0, end: 0, score: -1 };
  for (let start = 0; start < clauses.length; start += 1) {
    let length = 0;
    for (let end = start; end < clauses.length; end += 1) {
      length += clauses[end]!.length;
      if (length > maxChars - 2) break;
      const window = clauses.slice(start, end + 1).join('');
      const from = starts[start]!;
      const to = from + length;
      const holdsSlot = slots.some((slot) => slot.start >= from && slot.end <= to);
      const score = terms.reduce((sum, term) => sum + (window.includes(term) ? weightOf(term) : 0), 0) + (holdsSlot ? slotWeight : 0) + length / 10_000;
      if (score > best.score) best = { start, end: end + 1, score };
    }
  }
  if (best.score < 0) return `${sentence.slice(0, maxChars - 1)}…`;
  let text = clauses
    .slice(best.start, best.end)
    .join('')
    .replace(/[，；：,;:、]$/, '');
  if (best.start > 0) text = `…${text}`;
  if (best.end < clauses.length) text = `${text}…`;
  return text;
}
