// Names a sentence uses that its cited passages do not contain. Only names that can be matched literally are checked.

const HAN = /\p{Script=Han}/gu;
const LATIN_LETTER = /[A-Za-z]/g;
const LATIN_WORD = /[A-Za-z][A-Za-z0-9'’&-]*/g;
const QUOTED = /[「『“"《‘]([^「」『』“”"《》‘’\n]{1,60})[」』”"》’]/g;

/**
 * Returns the names in `claim` that none of the `evidence` texts contain (case-insensitive, spaces ignored):
 * - quoted terms (「」 『』 “” "" 《》 ‘’) written in the passages' script;
 * - Latin-script words that start with a capital (Tesla, BYD): all of them inside a Chinese sentence,
 *   and all but the first word inside a Latin-script sentence over Latin-script passages.
 * Unquoted Chinese names and names translated from Chinese passages into an English answer cannot be matched
 * literally and are not checked; the citation and number checks still apply to those sentences.
 */
export function findUnsupportedNames(claim: string, evidence: readonly string[]): string[] {
  const haystack = squeeze(evidence.join('\n'));
  const passagesAreLatin = countMatches(evidence.join('\n'), LATIN_LETTER) > countMatches(evidence.join('\n'), HAN);
  const claimIsChinese = countMatches(claim, HAN) > 0;
  const names: string[] = [];
  for (const match of claim.matchAll(QUOTED)) {
    const term = match[1] ?? '';
    const termIsChinese = countMatches(term, HAN) > 0;
    if (termIsChinese || passagesAreLatin) names.push(term);
  }
  if (claimIsChinese || passagesAreLatin) {
    const words = [...claim.matchAll(LATIN_WORD)];
    words.forEach((match, position) => {
      const word = match[0];
      if (!/^[A-Z]/.test(word) || word.length < 2) return;
      if (!claimIsChinese && position === 0) return;
      names.push(word);
    });
  }
  return [...new Set(names)].filter((name) => !haystack.includes(squeeze(name)));
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
