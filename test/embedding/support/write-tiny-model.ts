// Writes a tiny sentence-embedding model in the Hugging Face layout, so the real transformers.js
// and onnxruntime-node run in tests without the hub: a BERT WordPiece tokenizer over single
// characters and an ONNX graph that looks each token up in a seeded random table and outputs,
// at every position, the mean over the attended tokens. CLS and mean pooling thus both give a
// bag-of-characters vector: texts sharing characters are close, as with a real model's wording.
import fs from 'node:fs';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import type { onnx as Onnx } from 'onnx-proto';

const { onnx } = onnxProto;

export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

export interface TinyModelOptions {
  /** The model folder, e.g. `<cache>/newsbot-test/tiny-bert-zh`. */
  dir: string;
  /** Characters the vocabulary holds besides the special tokens; others become [UNK]. */
  characters: string;
  /** Vector size. Default 32. */
  dimensions?: number;
  /** `model_max_length` in tokenizer_config.json. Default 128. */
  modelMaxLength?: number;
  /** Seed of the embedding table. Default 7. */
  seed?: number;
  /** Which weight files to write. Default both. */
  weights?: readonly ('quantized' | 'full')[];
  /** sentence-transformers settings to write (pooling, query instruction); none when null. Default null. */
  sentenceTransformers?: { pooling: 'cls' | 'mean'; queryPrompt: string } | null;
}

export interface TinyModel {
  /** Token id of each vocabulary entry. */
  vocabulary: Map<string, number>;
  /** Files written, relative to the model folder. */
  files: string[];
}

/** Writes config.json, tokenizer.json, tokenizer_config.json and onnx/*.onnx (plus sentence-transformers files when asked). */
export function writeTinyModel(options: TinyModelOptions): TinyModel {
  const dimensions = options.dimensions ?? 32;
  const modelMaxLength = options.modelMaxLength ?? 128;
  const weights = options.weights ?? ['quantized', 'full'];
  const vocabulary = tinyVocabulary(options.characters);

  const files: Record<string, string | Uint8Array> = {
    'config.json': JSON.stringify({
      architectures: ['BertModel'],
      model_type: 'bert',
      hidden_size: dimensions,
      vocab_size: vocabulary.size,
      max_position_embeddings: modelMaxLength,
    }),
    ...tinyTokenizerFiles(vocabulary, modelMaxLength),
  };
  const table = randomTable(vocabulary.size * dimensions, options.seed ?? 7);
  // The "quantized" weights are the table rounded to 1/16 steps: close to, but not the same as, the full ones.
  if (weights.includes('quantized'))
    files['onnx/model_quantized.onnx'] = meanEmbeddingModel(
      table.map((value) => Math.round(value * 16) / 16),
      vocabulary.size,
      dimensions,
    );
  if (weights.includes('full')) files['onnx/model.onnx'] = meanEmbeddingModel(table, vocabulary.size, dimensions);
  if (options.sentenceTransformers) {
    const { pooling, queryPrompt } = options.sentenceTransformers;
    files['1_Pooling/config.json'] = JSON.stringify({
      word_embedding_dimension: dimensions,
      pooling_mode_cls_token: pooling === 'cls',
      pooling_mode_mean_tokens: pooling === 'mean',
    });
    files['config_sentence_transformers.json'] = JSON.stringify({ prompts: { query: queryPrompt, passage: '' }, default_prompt_name: null });
  }
  writeModelFolder(options.dir, files);
  return { vocabulary, files: Object.keys(files) };
}

/** The special tokens, then each character (lower-cased, whitespace left out) and its `##` continuation; other characters become [UNK]. */
export function tinyVocabulary(characters: string): Map<string, number> {
  const vocabulary = new Map<string, number>();
  for (const token of SPECIAL_TOKENS) vocabulary.set(token, vocabulary.size);
  for (const character of new Set(Array.from(characters.toLowerCase()))) {
    if (/\s/u.test(character)) continue;
    for (const token of [character, `##${character}`]) if (!vocabulary.has(token)) vocabulary.set(token, vocabulary.size);
  }
  return vocabulary;
}

/** tokenizer.json and tokenizer_config.json of a BERT WordPiece tokenizer over `vocabulary` (pairs typed 0 and 1, as BERT's). */
export function tinyTokenizerFiles(vocabulary: Map<string, number>, modelMaxLength: number): Record<string, string> {
  return {
    'tokenizer.json': JSON.stringify(tokenizerJson(vocabulary)),
    'tokenizer_config.json': JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      model_max_length: modelMaxLength,
      do_lower_case: true,
      tokenize_chinese_chars: true,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      mask_token: '[MASK]',
    }),
  };
}

/** Writes each file (relative path → content) under `dir`, creating folders. */
export function writeModelFolder(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

function tokenizerJson(vocabulary: Map<string, number>): unknown {
  const special = (token: string): unknown => ({ SpecialToken: { id: token, type_id: 0 } });
  const id = (token: string): number => vocabulary.get(token)!;
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((token) => ({ id: id(token), content: token, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]')],
      pair: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]'), { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } }],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((token) => [token, { id: token, ids: [id(token)], tokens: [token] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(vocabulary) },
  };
}

/** Gaussian values from a seeded generator (mulberry32 + Box-Muller), so every run writes the same model. */
function randomTable(length: number, seed: number): Float32Array {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return (((mixed ^ (mixed >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  const table = new Float32Array(length);
  for (let index = 0; index < length; index += 1) table[index] = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return table;
}

/**
 * ONNX (opset 13): last_hidden_state[b, s, :] = Σ_t mask[b, t]·E[ids[b, t]] / Σ_t mask[b, t] for every s.
 * Inputs input_ids and attention_mask are int64 [batch, sequence].
 */
function meanEmbeddingModel(table: Float32Array, vocabularySize: number, dimensions: number): Uint8Array {
  const { DataType } = onnx.TensorProto;
  const int64Initializer = (name: string, values: number[]): Onnx.ITensorProto => ({
    name,
    dataType: DataType.INT64,
    dims: [values.length],
    rawData: new Uint8Array(BigInt64Array.from(values.map(BigInt)).buffer),
  });
  const tokenInput = (name: string): Onnx.IValueInfoProto => ({
    name,
    type: { tensorType: { elemType: DataType.INT64, shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }] } } },
  });
  const node = (opType: string, input: string[], output: string, attribute: Onnx.IAttributeProto[] = []): Onnx.INodeProto => ({
    opType,
    input,
    output: [output],
    name: output,
    attribute,
  });
  const graph: Onnx.IGraphProto = {
    name: 'tiny-mean-embedding',
    input: [tokenInput('input_ids'), tokenInput('attention_mask')],
    output: [
      {
        name: 'last_hidden_state',
        type: { tensorType: { elemType: DataType.FLOAT, shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }, { dimValue: dimensions }] } } },
      },
    ],
    initializer: [
      { name: 'embeddings', dataType: DataType.FLOAT, dims: [vocabularySize, dimensions], rawData: new Uint8Array(Float32Array.from(table).buffer) },
      int64Initializer('last_axis', [2]),
      int64Initializer('sequence_axis', [1]),
    ],
    node: [
      node('Gather', ['embeddings', 'input_ids'], 'token_states', [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }]),
      node('Cast', ['attention_mask'], 'mask_float', [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: DataType.FLOAT }]),
      node('Unsqueeze', ['mask_float', 'last_axis'], 'mask_column'),
      node('Mul', ['token_states', 'mask_column'], 'masked_states'),
      node('ReduceSum', ['masked_states', 'sequence_axis'], 'summed_states', [{ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 1 }]),
      node('ReduceSum', ['mask_column', 'sequence_axis'], 'token_count', [{ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 1 }]),
      node('Div', ['summed_states', 'token_count'], 'mean_state'),
      node('Shape', ['token_states'], 'states_shape'),
      node('Expand', ['mean_state', 'states_shape'], 'last_hidden_state'),
    ],
  };
  const model = onnx.ModelProto.create({ irVersion: 7, producerName: 'newsbot-tests', opsetImport: [{ domain: '', version: 13 }], graph });
  return onnx.ModelProto.encode(model).finish();
}
