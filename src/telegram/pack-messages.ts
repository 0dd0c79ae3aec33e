/**
 * Packs a heading and blocks into as few messages as fit `maxChars` each, splitting only between
 * blocks. A block that cannot fit even alone is replaced by `shrink(index, budget)`, which must
 * return a version of block `index` no longer than `budget`.
 */
export function packMessages(heading: string, blocks: readonly string[], maxChars: number, shrink: (index: number, budget: number) => string): string[] {
  const separator = '\n\n';
  const messages: string[] = [];
  let current = heading;
  for (const [index, original] of blocks.entries()) {
    const budget = current === '' ? maxChars : maxChars - current.length - separator.length;
    if (original.length <= budget) {
      current = current === '' ? original : current + separator + original;
      continue;
    }
    if (current !== '' && current !== heading) {
      messages.push(current);
      current = '';
    }
    const room = current === '' ? maxChars : maxChars - current.length - separator.length;
    const block = original.length <= room ? original : shrink(index, room);
    current = current === '' ? block : current + separator + block;
  }
  if (current !== '') messages.push(current);
  return messages;
}
