import { ENGLISH_FUNCTION_WORDS } from '../stop-words.js';
import type { CedictEntry } from './cedict-entry.js';
import { englishGlosses } from './english-glosses.js';
import type { EnglishIndex, HeadwordCandidate } from './english-index.js';

/** Tuning of {@link buildEnglishIndex}; each value is the default. */
export const ENGLISH_INDEX_DEFAULTS = {
  /** Longest gloss (in words) indexed as a whole: `city council`, `primary and secondary school`. */
  maxGlossWords: 4,
  /** Candidates kept per gloss. */
  maxCandidates: 40,
  /**
   * Prior by headword length: two characters is the common shape of a Chinese word; one character is
   * usually ambiguous (校 is school, proofread and a military rank); four or more is usually an idiom or a name.
   */
  lengthPrior: [0, 0.55, 1, 0.85, 0.7] as readonly number[],
  /** A word inside a longer gloss (`length` in `overall length`) weighs this much of a whole-gloss match. */
  partOfGloss: 0.3,
  /** The last words of a longer gloss (`high school` in `senior high school`) weigh this much. */
  partOfPhrase: 0.6,
  /** A proper name's entry (`Da4 Qiao2`, a person) offered for a common word (`bridge`) weighs this much. */
  properName: 0.4,
  /**
   * The head of a compound offered for the head of its two-word gloss weighs this much of the compound's prior: both
   * languages put a noun compound's head last, so 水处理 `water treatment` gives 处理 for `treatment` and 生产能力
   * `production capacity` gives 能力 for `capacity`, senses the dictionary lists under neither word alone. Only when
   * the rest aligns too (水 is glossed `water`, 生产 `produce`): 日益增加 `increase daily` is no compound of that shape
   * (增加 is the `increase`).
   */
  compoundHead: 0.3,
} as const;

/** Words that never carry the meaning of a gloss on their own: the English function words, `as` and `one`. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([...ENGLISH_FUNCTION_WORDS, 'as', 'one']);

/**
 * Reverses CC-CEDICT into an English → Chinese index. A headword's prior for a gloss favours short common words
 * (two characters), the dictionary's first senses, entries with few senses, and whole-gloss matches over a word
 * inside a longer gloss; names are also indexed by their pinyin (`Zhuzhou` → 株洲).
 */
export function buildEnglishIndex(entries: readonly CedictEntry[], version: string): EnglishIndex {
  const defaults = ENGLISH_INDEX_DEFAULTS;
  const glosses = new Map<string, Map<string, number>>();
  const names = new Map<string, Set<string>>();
  const syllables = new Map<string, Set<string>>();
  const glossWords = wordsOfGlosses(entries);
  const offer = (key: string, headword: string, prior: number): void => {
    const candidates = glosses.get(key) ?? new Map<string, number>();
    glosses.set(key, candidates);
    if ((candidates.get(headword) ?? 0) < prior) candidates.set(headword, prior);
  };

  for (const entry of entries) {
    const headword = entry.simplified;
    if (!/^\p{Script=Han}+$/u.test(headword) || headword.length >= defaults.lengthPrior.length) continue;
    const properName = /^[A-Z]/.test(entry.pinyin);
    if (headword.length === 1) {
      const syllable = entry.pinyin.toLowerCase().replace(/[^a-z]/g, '');
      if (syllable.length > 0) syllables.set(syllable, (syllables.get(syllable) ?? new Set()).add(headword));
    }
    if (properName) {
      const key = entry.pinyin.toLowerCase().replace(/[^a-z]/g, '');
      if (key.length > 0) names.set(key, (names.get(key) ?? new Set()).add(headword));
    }
    const senses = entry.definitions.flatMap(englishGlosses);
    const lengthPrior = defaults.lengthPrior[headword.length] ?? 0;
    const nameFactor = properName ? defaults.properName : 1;
    senses.forEach((gloss, position) => {
      const senseFactor = (position === 0 ? 1 : position === 1 ? 0.85 : 0.75) / (1 + 0.08 * (senses.length - 1));
      const prior = lengthPrior * nameFactor * senseFactor;
      if (gloss.length <= defaults.maxGlossWords) offer(gloss.join(' '), headword, prior);
      // The end of a longer gloss is often the phrase a question uses: `high school` in `senior high school`.
      for (let start = 1; start <= gloss.length - 2; start += 1) {
        if (gloss.length - start <= defaults.maxGlossWords) offer(gloss.slice(start).join(' '), headword, prior * defaults.partOfPhrase);
      }
      if (gloss.length > 1 && gloss.length <= defaults.maxGlossWords + 2) {
        for (const word of gloss) if (!FUNCTION_WORDS.has(word)) offer(word, headword, (prior * defaults.partOfGloss) / gloss.length);
      }
      if (gloss.length === 2 && headword.length >= 3 && !FUNCTION_WORDS.has(gloss[1]!)) {
        const [modifier, head] = [headword.slice(0, -2), headword.slice(-2)];
        const aligned = glossWords.has(head) && alignsWith(glossWords, modifier, gloss[0]!) && !alignsWith(glossWords, head, gloss[0]!);
        if (aligned) offer(gloss[1]!, head, prior * defaults.compoundHead);
      }
    });
  }

  const compact: Record<string, HeadwordCandidate[]> = {};
  for (const [key, candidates] of glosses) {
    compact[key] = [...candidates]
      .sort((left, right) => right[1] - left[1] || left[0].length - right[0].length)
      .slice(0, defaults.maxCandidates)
      .map(([headword, prior]) => [headword, Math.round(prior * 1000) / 1000]);
  }
  const nameIndex: Record<string, string[]> = {};
  for (const [key, headwords] of names) nameIndex[key] = [...headwords].sort((left, right) => left.length - right.length);
  const syllableIndex: Record<string, string> = {};
  for (const [syllable, characters] of syllables) syllableIndex[syllable] = [...characters].join('');
  return { version, glosses: compact, names: nameIndex, syllables: syllableIndex };
}

/** Every word of every gloss of each headword (水 → water, …). */
function wordsOfGlosses(entries: readonly CedictEntry[]): Map<string, Set<string>> {
  const words = new Map<string, Set<string>>();
  for (const entry of entries) {
    const set = words.get(entry.simplified) ?? new Set<string>();
    for (const gloss of entry.definitions.flatMap(englishGlosses)) for (const word of gloss) set.add(word);
    words.set(entry.simplified, set);
  }
  return words;
}

/** Whether the dictionary glosses `chinese` with `english` or a word of its stem (生产: produce ~ production). */
function alignsWith(glossWords: Map<string, Set<string>>, chinese: string, english: string): boolean {
  const words = glossWords.get(chinese);
  if (!words) return false;
  if (words.has(english)) return true;
  const stem = english.slice(0, 5);
  return stem.length === 5 && [...words].some((word) => word.startsWith(stem));
}
