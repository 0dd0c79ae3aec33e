// What tells one story from another of the same kind: the places, people and organisations it names.
import { tagWords } from '../../text/jieba/tag-words.js';

/** jieba tags of names: people, places, organisations, other proper nouns; `x` is a word its guesser found (mostly a name). */
const NAME_TAG = /^(nr|nrfg|nrt|ns|nt|nz|x)$/;
const HAN_WORD = /^\p{Script=Han}{2,6}$/u;
/**
 * Place-shaped words that jieba tags as common nouns (天元区/n): a name before an administrative suffix.
 * Common words of the same shape (我市, 全区, 社区, 小区) begin with a pointing or generic character.
 */
const PLACE_SHAPE = /^[^我本全该各此这那城市县区镇乡村小社地景园新老山]\p{Script=Han}{0,3}[区县市镇乡村省州]$/u;

/**
 * The names in `text` (a sentence with its title) that `other` (another article's passage and title, folded with
 * `normalizeForMatching`) never mentions: words jieba tags as names or could not place, and place-shaped words.
 * jieba's tags are loose (新建 comes out as a place name), so a word counts only when the other text lacks it.
 */
export function namesMissingFrom(text: string, other: string): string[] {
  const names = new Set<string>();
  for (const { word, tag } of tagWords(text)) {
    if (!HAN_WORD.test(word) || !(NAME_TAG.test(tag) || PLACE_SHAPE.test(word))) continue;
    if (!other.includes(word)) names.add(word);
  }
  return [...names];
}
