/** The parts of a transformers.js tokenizer that `encodeTexts` uses. */
export interface TokenizerLike {
  (texts: string[], options: { text_pair?: string[]; add_special_tokens: boolean; padding: boolean; truncation: boolean; return_tensor: false }): Record<string, number[][]>;
  /** From tokenizer_config.json; undefined or huge when the model states no limit. */
  model_max_length?: number;
  pad_token_id?: number;
  all_special_ids: number[];
}

export interface EncodedTexts {
  /** input_ids, attention_mask and (BERT) token_type_ids (1 on a pair's second text), each `rows × width`, row-major. */
  columns: Record<string, BigInt64Array>;
  rows: number;
  width: number;
  /** attention_mask as numbers, for pooling. */
  attentionMask: Uint8Array;
}

/**
 * Tokenizes a batch, truncating each text to the model's `model_max_length` tokens counted with
 * everything the tokenizer adds (special tokens) and everything the caller put in the text (an
 * instruction prefix), keeping a closing special token ([SEP], </s>) as the model was trained.
 * transformers.js 2.17's own truncation cuts the closing token off, hence this. Rows are padded
 * to the longest with the pad token and attention 0. With `pairs` (a cross-encoder's question and
 * passages), row i encodes `texts[i]` and `pairs[i]` together; the cut then falls in the second
 * text, so a question shorter than the limit stays whole.
 */
export function encodeTexts(tokenizer: TokenizerLike, texts: string[], pairs?: string[]): EncodedTexts {
  if (pairs !== undefined && pairs.length !== texts.length) throw new RangeError(`encodeTexts got ${texts.length} texts and ${pairs.length} pairs`);
  const encoded = tokenizer(texts, { ...(pairs === undefined ? {} : { text_pair: pairs }), add_special_tokens: true, padding: false, truncation: false, return_tensor: false });
  const limit = tokenizer.model_max_length !== undefined && tokenizer.model_max_length > 0 ? tokenizer.model_max_length : Number.POSITIVE_INFINITY;
  const inputIds = encoded.input_ids ?? [];
  const specialIds = new Set(tokenizer.all_special_ids);
  // Which positions of each row survive truncation.
  const kept = inputIds.map((ids) => {
    const positions = ids.map((_, position) => position);
    if (ids.length <= limit) return positions;
    const closesWithSpecial = specialIds.has(ids.at(-1) ?? -1);
    return closesWithSpecial ? [...positions.slice(0, limit - 1), ids.length - 1] : positions.slice(0, limit);
  });
  const rows = texts.length;
  const width = Math.max(0, ...kept.map((positions) => positions.length));
  const columns: Record<string, BigInt64Array> = {};
  for (const [name, values] of Object.entries(encoded)) {
    const column = new BigInt64Array(rows * width);
    const padding = name === 'input_ids' ? BigInt(tokenizer.pad_token_id ?? 0) : 0n;
    for (let row = 0; row < rows; row += 1) {
      const positions = kept[row] ?? [];
      for (let position = 0; position < width; position += 1) {
        const source = positions[position];
        column[row * width + position] = source === undefined ? padding : BigInt(values[row]?.[source] ?? 0);
      }
    }
    columns[name] = column;
  }
  const attentionMask = new Uint8Array(rows * width);
  for (const [row, positions] of kept.entries()) attentionMask.fill(1, row * width, row * width + positions.length);
  return { columns, rows, width, attentionMask };
}
