/** A piece of a longer text with its offsets (UTF-16 code units, end exclusive). */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}
