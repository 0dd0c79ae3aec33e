/** A Chinese headword offered for an English gloss, with its prior (higher is a likelier translation). */
export type HeadwordCandidate = [headword: string, prior: number];

/**
 * English → Chinese, reversed from CC-CEDICT once and cached as JSON (`loadEnglishIndex`): the compact form the
 * question translator reads.
 */
export interface EnglishIndex {
  /** The dictionary data it was built from (`cedictVersion`) and the builder's revision; a different version rebuilds it. */
  version: string;
  /** Lowercase English gloss of one to four words (`city council`, `school`) → candidates, best first. */
  glosses: Record<string, HeadwordCandidate[]>;
  /** Toneless pinyin of a proper name, run together (`zhuzhou`, `yiwu`) → headwords. */
  names: Record<string, string[]>;
  /** A toneless pinyin syllable (`ming`) → the characters read so, for names the dictionary lacks (苏明). */
  syllables: Record<string, string>;
}
