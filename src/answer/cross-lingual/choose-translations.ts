import type { EnglishQuestionTerms, SearchSegment } from './english-search-terms.js';

/** A segment of the question and the Chinese chosen to search for it. */
export interface ChosenTranslation {
  english: string;
  kind: SearchSegment['kind'];
  /** The form used in the Chinese question. */
  chinese: string;
  /** Every form searched for (the chosen one first). */
  alternatives: string[];
  /** Whether the archive holds the chosen form at all. */
  inArchive: boolean;
}

/** A passage of the first, wide search. */
export interface ProbePassage {
  title: string;
  text: string;
}

export interface ChooseTranslationsOptions {
  /** Chunks holding each term: a translation the archive never uses cannot find anything. */
  documentFrequencies: (terms: readonly string[]) => Map<string, number>;
  /** A first search with every kept candidate, best first: the translation the matching articles use wins. */
  search: (query: string) => Promise<readonly ProbePassage[]>;
  /** Candidates per segment kept for that search (default 4). */
  maxAlternatives?: number;
}

export const CHOOSE_TRANSLATIONS_DEFAULTS = { maxAlternatives: 4 } as const;

/**
 * Picks one Chinese form per segment. A dictionary offers many (school: 学校, 校方, 学堂…); the ones the archive
 * never uses are dropped, the rest are searched together, and each segment takes the form that the best
 * passages of that search contain, weighed with its dictionary prior. A segment none of whose forms is in the
 * archive keeps its likeliest form, so the answerer sees a question word the archive lacks and abstains.
 */
export async function chooseTranslations(terms: EnglishQuestionTerms, options: ChooseTranslationsOptions): Promise<ChosenTranslation[]> {
  const maxAlternatives = options.maxAlternatives ?? CHOOSE_TRANSLATIONS_DEFAULTS.maxAlternatives;
  const frequencies = options.documentFrequencies(terms.segments.flatMap((segment) => segment.candidates.map(([headword]) => headword)));
  const kept = terms.segments.map((segment) => {
    if (segment.kind === 'number') return { segment, present: segment.candidates, inArchive: true };
    const present = segment.candidates.filter(([headword]) => (frequencies.get(headword) ?? 0) > 0).slice(0, maxAlternatives);
    return present.length > 0 ? { segment, present, inArchive: true } : { segment, present: segment.candidates.slice(0, 1), inArchive: false };
  });
  const probeQuery = kept
    .filter(({ inArchive }) => inArchive)
    .flatMap(({ present }) => present.map(([headword]) => headword))
    .join(' ');
  const passages = probeQuery.length > 0 ? await options.search(probeQuery) : [];
  const texts = passages.map((passage) => `${passage.title}\n${passage.text}`);

  return kept
    .filter(({ present }) => present.length > 0)
    .map(({ segment, present, inArchive }) => {
      const rated = present.map(([headword, prior]) => {
        const evidence = texts.reduce((sum, text, rank) => (text.includes(headword) ? sum + 1 / (rank + 1) : sum), 0);
        return { headword, score: prior * (0.25 + evidence) };
      });
      rated.sort((left, right) => right.score - left.score);
      const chinese = rated[0]!.headword;
      return {
        english: segment.english,
        kind: segment.kind,
        chinese,
        alternatives: [chinese, ...present.map(([headword]) => headword).filter((headword) => headword !== chinese)],
        inArchive,
      };
    });
}
