/** Text whose citations were renumbered, with the map back to the original numbers. */
export interface RenumberCitationsResult {
  text: string;
  /** `sources[i]` is the original number of the source now cited as `[i + 1]`. */
  sources: number[];
}

const CITATION = /\[(\d+)\]/g;

/**
 * Renumbers `[n]` markers to 1..m in order of first use, so the reply cites exactly the sources it used;
 * a marker repeated back to back (`[2][2]`) is written once.
 */
export function renumberCitations(text: string): RenumberCitationsResult {
  const sources: number[] = [];
  const renumbered = text.replace(CITATION, (_match, number: string) => {
    const original = Number(number);
    let position = sources.indexOf(original);
    if (position === -1) position = sources.push(original) - 1;
    return `[${position + 1}]`;
  });
  return { text: renumbered.replace(/(\[\d+\])(?:\1)+/g, '$1'), sources };
}
