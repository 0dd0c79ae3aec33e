import { SPECIAL_TOKEN_IDS } from './wordpiece-vocabulary.js';

/** tokenizer.json (Hugging Face tokenizers format) for a lower-casing Chinese BERT WordPiece tokenizer. */
export function bertTokenizerJson(vocabulary: ReadonlyMap<string, number>): unknown {
  const special = (token: string, typeId = 0): unknown => ({ SpecialToken: { id: token, type_id: typeId } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: Object.entries(SPECIAL_TOKEN_IDS).map(([content, id]) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]')],
      pair: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]'), { Sequence: { id: 'B', type_id: 1 } }, special('[SEP]', 1)],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [SPECIAL_TOKEN_IDS['[CLS]']], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [SPECIAL_TOKEN_IDS['[SEP]']], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(vocabulary) },
  };
}

/** tokenizer_config.json as bge-small-zh-v1.5 has it (512 tokens). */
export function bertTokenizerConfig(modelMaxLength: number): unknown {
  return {
    tokenizer_class: 'BertTokenizer',
    model_max_length: modelMaxLength,
    do_lower_case: true,
    tokenize_chinese_chars: true,
    strip_accents: null,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  };
}
