/**
 * Joins two pieces of a paragraph broken by the layout: Chinese needs no space between them, Latin
 * words do ("Top" + "50" stays "Top50" only when a letter does not meet a letter).
 */
export function joinText(left: string, right: string): string {
  const leftEnd = left.trimEnd();
  const rightStart = right.trimStart();
  const needsSpace = /[A-Za-z]$/.test(leftEnd) && /^[A-Za-z]/.test(rightStart);
  return needsSpace ? `${leftEnd} ${rightStart}` : leftEnd + rightStart;
}
