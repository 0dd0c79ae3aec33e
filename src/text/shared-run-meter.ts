/**
 * Length of the longest run of characters a text shares with one fixed text (a question), by dynamic programming
 * over one row; the rows are kept between texts, so measuring a question against a hundred sentences allocates
 * nothing per sentence.
 */
export class SharedRunMeter {
  private previous = new Uint16Array(0);
  private current = new Uint16Array(0);

  constructor(private readonly fixed: string) {}

  /** Characters (UTF-16 code units) in the longest run shared by `text` and the fixed text. */
  longestIn(text: string): number {
    const width = text.length + 1;
    if (this.previous.length < width) {
      this.previous = new Uint16Array(width);
      this.current = new Uint16Array(width);
    }
    let previous = this.previous.fill(0, 0, width);
    let current = this.current;
    let longest = 0;
    for (let i = 1; i <= this.fixed.length; i += 1) {
      current.fill(0, 0, width);
      const character = this.fixed[i - 1];
      for (let j = 1; j < width; j += 1) {
        if (character !== text[j - 1]) continue;
        current[j] = previous[j - 1]! + 1;
        if (current[j]! > longest) longest = current[j]!;
      }
      [previous, current] = [current, previous];
    }
    return longest;
  }
}
