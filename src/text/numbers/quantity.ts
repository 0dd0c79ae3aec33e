/** What a quantity measures; only quantities of the same kind (and compatible units) are compared. */
export type QuantityKind = 'count' | 'money' | 'percent' | 'ordinal' | 'date' | 'measure' | 'plain';

/**
 * How exact the figure is: `atLeast` for 超/超过/突破/逾/以上 and 余/多 (2600余万元 ≥ 26,000,000),
 * `atMost` for 近/不到/不足/以下 (read as just under the mark), `about` for 约/左右. A range (4—6公斤)
 * is `exact` with an `upper` end.
 */
export type QuantityBound = 'exact' | 'atLeast' | 'atMost' | 'about';

/** Calendar parts of a date quantity; absent parts were not written (4月22日 has no year). */
export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
}

/** A number found in text, with its unit, normalized value and position. */
export interface Quantity {
  /** The text as written, qualifiers included: "超1800人次", "2600余万元", "第43位". */
  raw: string;
  /**
   * Normalized value: scales applied (126万户 → 1,260,000), units converted to the base unit
   * (厘米 → 米, 千克 → 公斤), percent as written (5% → 5). For ranges the lower end; for dates
   * year·10000 + month·100 + day with missing parts 0.
   */
  value: number;
  /** Normalized unit (家, 户, 元, 公斤, 米, 人, 人次, %, 位…); `date` for dates; null when none was written. */
  unit: string | null;
  kind: QuantityKind;
  bound: QuantityBound;
  /** Offset of `raw` in the text (UTF-16 code units), inclusive. */
  start: number;
  /** Offset just after `raw`. */
  end: number;
  /** Upper end of a range (4—6公斤 → value 4, upper 6). */
  upper?: number;
  /** Written parts of a date quantity. */
  date?: DateParts;
  /** Set by 余/多 (2600余万元): the figure lies in [value, value + step). */
  step?: number;
}
