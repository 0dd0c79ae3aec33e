/**
 * How many characters of one fixed text (a question's words) a text holds in the same order, with anything between
 * them: the longest common subsequence, by dynamic programming over one row kept between texts.
 */
export class InOrderMeter {
  private row = new Uint16Array(0);

  constructor(private readonly fixed: string) {}

  /** Characters (UTF-16 code units) of the fixed text: the most any text can hold. */
  get length(): number {
    return this.fixed.length;
  }

  /** Characters (UTF-16 code units) of the fixed text that `text` holds in order. */
  heldIn(text: string): number {
    const width = this.fixed.length + 1;
    if (this.row.length < width) this.row = new Uint16Array(width);
    const row = this.row.fill(0, 0, width);
    for (let j = 0; j < text.length; j += 1) {
      const character = text[j];
      // row[i] is the subsequence of fixed[0, i) and text[0, j]; `diagonal` keeps row[i - 1] of the previous text column.
      let diagonal = 0;
      for (let i = 1; i < width; i += 1) {
        const above = row[i]!;
        row[i] = this.fixed[i - 1] === character ? diagonal + 1 : Math.max(above, row[i - 1]!);
        diagonal = above;
      }
    }
    return row[width - 1]!;
  }
}
