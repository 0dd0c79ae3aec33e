/** Longest name composed from syllables (`Ou Yang Xiu`). */
const MAX_SYLLABLES = 3;

/**
 * Splits romanised Chinese into pinyin syllables, longest syllable first (`suming` → su, ming; `aowei` → ao, wei),
 * or null when it is not pinyin.
 */
export function splitSyllables(romanised: string, syllables: Readonly<Record<string, string>>): string[] | null {
  if (romanised.length === 0) return [];
  for (let length = Math.min(6, romanised.length); length >= 1; length -= 1) {
    const head = romanised.slice(0, length);
    if (!syllables[head]) continue;
    const rest = splitSyllables(romanised.slice(length), syllables);
    if (rest) return [head, ...rest];
  }
  return null;
}

/**
 * The Chinese spellings of a romanised name that the archive holds, found syllable by syllable: 苏明 for `Su Ming`
 * when CC-CEDICT has no such entry. Each added character must keep the spelling in the archive, so the search
 * stays small (a few hundred look-ups) and a name never read in the archive gives nothing.
 */
export function composeName(romanised: string, syllables: Readonly<Record<string, string>>, inArchive: (text: string) => boolean): string[] {
  const parts = splitSyllables(romanised, syllables);
  if (!parts || parts.length < 2 || parts.length > MAX_SYLLABLES) return [];
  let spellings = [''];
  for (const part of parts) {
    const characters = [...(syllables[part] ?? '')];
    const next: string[] = [];
    for (const prefix of spellings) {
      for (const character of characters) {
        const spelling = prefix + character;
        if (spelling.length === 1 || inArchive(spelling)) next.push(spelling);
      }
    }
    spellings = next;
    if (spellings.length === 0) return [];
  }
  return spellings;
}
