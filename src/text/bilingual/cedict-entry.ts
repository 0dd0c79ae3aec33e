/** One CC-CEDICT entry, as the bilingual index needs it. */
export interface CedictEntry {
  /** Simplified headword, e.g. 学校. */
  simplified: string;
  /** Numbered pinyin, syllables separated by spaces; a capital first letter marks a proper name (`Zhu1 zhou1`). */
  pinyin: string;
  /** The English definitions, in the dictionary's order (most common sense first). */
  definitions: string[];
}
