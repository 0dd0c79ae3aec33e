/** Definitions that only point elsewhere or name a surname: no translation to offer. */
const POINTER = /^(?:(?:old |archaic |erhua |japanese |taiwan |korean )?variant of|see |see also|surname |cl:|abbr\. for|also written|also pr\.|used in|classifier for|pr\. )/i;
/** Placeholder words of dictionary glosses ("to give sb sth"), never in a question. */
const PLACEHOLDERS = new Set(['sb', 'sth', "sb's", "sth's", "one's", 'oneself', 'etc']);
const LEADING_FILLERS = new Set(['to', 'a', 'an', 'the']);

/**
 * The short English glosses of one CC-CEDICT definition, as lowercase word lists: `"to build; to construct (a
 * bridge)"` gives `[["build"], ["construct"]]`. Parenthesised notes, cross-references and placeholders are dropped.
 */
export function englishGlosses(definition: string): string[][] {
  const glosses: string[][] = [];
  for (const part of definition.split(';')) {
    const trimmed = part.trim();
    if (trimmed.length === 0 || POINTER.test(trimmed)) continue;
    const cleaned = trimmed
      .replace(/\([^)]*\)/g, ' ')
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(/[\p{Script=Han}|]+/gu, ' ')
      .toLowerCase();
    const words = (cleaned.match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? []).filter((word) => !PLACEHOLDERS.has(word));
    while (words.length > 1 && LEADING_FILLERS.has(words[0]!)) words.shift();
    if (words.length > 0) glosses.push(words);
  }
  return glosses;
}
