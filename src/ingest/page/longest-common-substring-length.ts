/**
 * Length of the longest run of characters of `short` that also occurs in `long`. Meant for a short
 * line against an article (a few dozen × a few thousand characters), where growing each match with
 * `includes` is fast enough and needs no index.
 */
export function longestCommonSubstringLength(short: string, long: string): number {
  let best = 0;
  for (let start = 0; start + best < short.length; start++) {
    let length = best + 1;
    while (start + length <= short.length && long.includes(short.slice(start, start + length))) {
      best = length;
      length++;
    }
  }
  return best;
}
