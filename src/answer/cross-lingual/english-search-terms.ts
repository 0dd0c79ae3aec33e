import type { EnglishIndex, HeadwordCandidate } from '../../text/bilingual/english-index.js';
import { composeName } from './compose-name.js';
import { ENGLISH_FUNCTION_WORDS, QUESTION_WORDS } from './english-function-words.js';
import { englishLemmas } from './english-lemmas.js';
import { ENGLISH_NUMBER_WORDS } from './english-number-words.js';
import { type EnglishToken, englishTokens } from './english-tokens.js';

/** One searchable piece of an English question and the Chinese it may be written as in the archive. */
export interface SearchSegment {
  /** As in the question: `city council`, `Zhuzhou`, `2025`. */
  english: string;
  /** `gloss`: dictionary translations; `name`: pinyin of a name; `number` and `latin` (BMI, IPO) are kept as written. */
  kind: 'gloss' | 'name' | 'number' | 'latin';
  /** Chinese (or kept) forms with their dictionary prior, best first. */
  candidates: HeadwordCandidate[];
}

/** What an English question asks about, ready to be matched against the archive. */
export interface EnglishQuestionTerms {
  segments: SearchSegment[];
  /** The Chinese question word for the asked slot (`how many` → 多少), or null. */
  questionWord: string | null;
}

export interface EnglishSearchTermsOptions {
  /** Whether the archive holds a Chinese term: a phrase is taken only when it does, and names are spelled from it. */
  inArchive?: (term: string) => boolean;
}

/** Longest run of words tried as one dictionary gloss (`primary and secondary school`). */
const MAX_PHRASE_WORDS = 4;
/** Function words that may open a phrase of their own (`this year` → 今年). */
const PHRASE_OPENERS: ReadonlySet<string> = new Set(['this', 'each', 'every', 'all']);

/**
 * Splits an English question into searchable segments: numbers and Latin names kept as written, names looked
 * up by their pinyin (`Zhuzhou` → 株洲, `Su Ming` → 苏明), and the other content words translated with the
 * dictionary, a phrase (`city council` → 市议会) taking precedence over its single words.
 */
export function englishSearchTerms(question: string, index: EnglishIndex, options: EnglishSearchTermsOptions = {}): EnglishQuestionTerms {
  const inArchive = options.inArchive ?? (() => true);
  const tokens = englishTokens(question);
  const segments: SearchSegment[] = [];
  let position = 0;
  while (position < tokens.length) {
    const token = tokens[position]!;
    const figure = token.number ? token.text : ENGLISH_NUMBER_WORDS[token.lower];
    if (figure !== undefined) {
      segments.push({ english: token.text, kind: 'number', candidates: [[figure, 1]] });
      position += 1;
      continue;
    }
    if (token.capitalized) {
      const name = matchName(tokens, position, index, inArchive);
      if (name) {
        segments.push(name.segment);
        position += name.length;
        continue;
      }
    }
    const opensPhrase = !ENGLISH_FUNCTION_WORDS.has(token.lower) || PHRASE_OPENERS.has(token.lower);
    const shared = opensPhrase ? matchSharedHead(tokens, position, index, inArchive) : null;
    if (shared) {
      segments.push(...shared.segments);
      position += shared.length;
      continue;
    }
    const phrase = opensPhrase ? matchPhrase(tokens, position, index, inArchive) : null;
    if (phrase) {
      segments.push(phrase.segment);
      position += phrase.length;
      continue;
    }
    if (ENGLISH_FUNCTION_WORDS.has(token.lower) && !token.capitalized) {
      position += 1;
      continue;
    }
    const candidates = lookUp(englishLemmas(token.lower), index);
    if (candidates.length > 0) segments.push({ english: token.text, kind: 'gloss', candidates });
    else if (token.capitalized || /^[A-Z0-9]{2,}$/.test(token.text)) segments.push({ english: token.text, kind: 'latin', candidates: [[token.text, 1]] });
    position += 1;
  }
  const questionWord = QUESTION_WORDS.find(([english]) => english.test(question))?.[1] ?? null;
  return { segments, questionWord };
}

/** The candidates of every form of a word, each at its best prior; the form as written is trusted a little more. */
function lookUp(forms: readonly string[], index: EnglishIndex): HeadwordCandidate[] {
  const best = new Map<string, number>();
  forms.forEach((form, position) => {
    for (const [headword, prior] of index.glosses[form] ?? []) {
      const weighed = position === 0 ? prior : prior * 0.9;
      if ((best.get(headword) ?? 0) < weighed) best.set(headword, weighed);
    }
  });
  return [...best].sort((left, right) => right[1] - left[1]);
}

/** The longest run of capitalized words, from `start`, that names a dictionary entry or spells a name the archive holds. */
function matchName(tokens: readonly EnglishToken[], start: number, index: EnglishIndex, inArchive: (term: string) => boolean): { segment: SearchSegment; length: number } | null {
  let end = start;
  while (end < tokens.length && tokens[end]!.capitalized && end - start < 3) end += 1;
  for (let length = end - start; length >= 1; length -= 1) {
    const run = tokens.slice(start, start + length);
    const key = run.map((token) => token.lower.replace(/[^a-z]/g, '')).join('');
    const known = index.names[key] ?? index.names[key.replace(/(?:city|county|district|province)$/, '')] ?? [];
    const headwords = known.some(inArchive) ? known.filter(inArchive) : composeName(key, index.syllables, inArchive);
    if (headwords.length > 0) {
      return {
        segment: { english: run.map((token) => token.text).join(' '), kind: 'name', candidates: headwords.map((headword) => [headword, 1] as HeadwordCandidate) },
        length,
      };
    }
  }
  return null;
}

/** Words that join two modifiers of one head noun (`primary and secondary schools`, `city or county roads`). */
const COORDINATORS: ReadonlySet<string> = new Set(['and', 'or']);

/**
 * Two modifiers sharing one head, `primary and secondary school canteens`: read as the two phrases `primary school`
 * (小学) and `secondary school` (中学) when both are dictionary glosses and the archive holds a translation of either
 * (中小学 holds 小学); the words one by one would be 第一, 第二 and 学校.
 */
function matchSharedHead(
  tokens: readonly EnglishToken[],
  start: number,
  index: EnglishIndex,
  inArchive: (term: string) => boolean,
): { segments: SearchSegment[]; length: number } | null {
  if (!COORDINATORS.has(tokens[start + 1]?.lower ?? '')) return null;
  for (let length = Math.min(MAX_PHRASE_WORDS, tokens.length - start - 2); length >= 2; length -= 1) {
    const second = tokens.slice(start + 2, start + 2 + length);
    const first = [tokens[start]!, ...second.slice(1)];
    const [firstCandidates, secondCandidates] = [glossOf(first, index), glossOf(second, index)];
    if (firstCandidates.length === 0 || secondCandidates.length === 0) continue;
    if (![...firstCandidates, ...secondCandidates].some(([headword]) => inArchive(headword))) continue;
    const segment = (run: readonly EnglishToken[], candidates: HeadwordCandidate[]): SearchSegment => ({
      english: run.map((token) => token.text).join(' '),
      kind: 'gloss',
      candidates,
    });
    return { segments: [segment(first, firstCandidates), segment(second, secondCandidates)], length: 2 + length };
  }
  return null;
}

/** The longest run of two to four words, from `start`, that is one dictionary gloss with a translation in the archive. */
function matchPhrase(tokens: readonly EnglishToken[], start: number, index: EnglishIndex, inArchive: (term: string) => boolean): { segment: SearchSegment; length: number } | null {
  for (let length = Math.min(MAX_PHRASE_WORDS, tokens.length - start); length >= 2; length -= 1) {
    const run = tokens.slice(start, start + length);
    const candidates = glossOf(run, index);
    if (candidates.some(([headword]) => inArchive(headword))) return { segment: { english: run.map((token) => token.text).join(' '), kind: 'gloss', candidates }, length };
  }
  return null;
}

/** The dictionary's translations of a run of words as one gloss (its last word in any of its forms); none for a run that holds a figure or ends in a function word. */
function glossOf(run: readonly EnglishToken[], index: EnglishIndex): HeadwordCandidate[] {
  const last = run.at(-1);
  if (!last || run.some((token) => token.number) || ENGLISH_FUNCTION_WORDS.has(last.lower)) return [];
  const head = run
    .slice(0, -1)
    .map((token) => token.lower)
    .join(' ');
  return lookUp(
    englishLemmas(last.lower).map((lemma) => `${head} ${lemma}`),
    index,
  );
}
