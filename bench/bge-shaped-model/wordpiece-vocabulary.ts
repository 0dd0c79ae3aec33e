/** Special tokens at the ids bert-base-chinese (and so bge-*-zh) gives them. */
export const SPECIAL_TOKEN_IDS = { '[PAD]': 0, '[UNK]': 100, '[CLS]': 101, '[SEP]': 102, '[MASK]': 103 } as const;

/** A CJK character is a word of its own to BERT's pre-tokenizer, so it never needs a `##` piece. */
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u;

/**
 * A WordPiece vocabulary of exactly `size` entries laid out as bert-base-chinese's: [PAD], [unused1–99],
 * [UNK], [CLS], [SEP], [MASK], then every character of `characters` (lower-cased; a `##` piece too
 * for non-CJK ones, which continue words such as "2024"), then `[unusedN]` filler, so the embedding
 * table has the real model's size.
 */
export function wordpieceVocabulary(characters: string, size: number): Map<string, number> {
  const tokens: string[] = [];
  for (let id = 0; id <= 103; id += 1) tokens.push(`[unused${id}]`);
  for (const [token, id] of Object.entries(SPECIAL_TOKEN_IDS)) tokens[id] = token;
  const seen = new Set(tokens);
  const add = (token: string): void => {
    if (seen.has(token)) return;
    seen.add(token);
    tokens.push(token);
  };
  const distinct = [...new Set(Array.from(characters.toLowerCase()))].filter((character) => !/\s/u.test(character));
  for (const character of distinct) add(character);
  for (const character of distinct) if (!CJK.test(character)) add(`##${character}`);
  if (tokens.length > size) throw new RangeError(`the text has ${distinct.length} distinct characters: ${tokens.length} tokens do not fit a vocabulary of ${size}`);
  for (let filler = 104; tokens.length < size; filler += 1) add(`[unused${filler}]`);
  return new Map(tokens.map((token, id) => [token, id]));
}
