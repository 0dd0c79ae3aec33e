// Writes a tiny cross-encoder in the Hugging Face layout (BertForSequenceClassification), so the
// real transformers.js and onnxruntime-node rerank in tests without the hub. Its score can be
// worked out by hand: how many of the question's tokens (positions) occur anywhere in the passage,
// special and unknown tokens left out. The graph reads input_ids, attention_mask and
// token_type_ids, as a BERT cross-encoder does, and tells question from passage by the types.
import onnxProto from 'onnx-proto';
import type { onnx as Onnx } from 'onnx-proto';
import { SPECIAL_TOKENS, tinyTokenizerFiles, tinyVocabulary, writeModelFolder } from './write-tiny-model.js';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;
const { AttributeType } = onnx.AttributeProto;

/** The quantized file's scores are the full one's times this, so a test can tell which file loaded. */
export const TINY_QUANTIZED_SCALE = 15 / 16;

export interface TinyCrossEncoderOptions {
  /** The model folder, e.g. `<cache>/newsbot-test/tiny-reranker-zh`. */
  dir: string;
  /** Characters the vocabulary holds besides the special tokens; others become [UNK]. */
  characters: string;
  /** `model_max_length` in tokenizer_config.json. Default 512. */
  modelMaxLength?: number;
  /** Which weight files to write. Default both. */
  weights?: readonly ('quantized' | 'full')[];
  /**
   * Outputs per pair: 1, the score; 2, [−score, +score] (a two-class model whose positive class is
   * the second); 3, the score thrice (shaped like an NLI model, which is no reranker). Default 1.
   */
  labels?: 1 | 2 | 3;
}

/** Writes config.json, tokenizer.json, tokenizer_config.json and onnx/*.onnx; returns the files written. */
export function writeTinyCrossEncoder(options: TinyCrossEncoderOptions): string[] {
  const vocabulary = tinyVocabulary(options.characters);
  const labels = options.labels ?? 1;
  const weights = options.weights ?? ['quantized', 'full'];
  const files: Record<string, string | Uint8Array> = {
    'config.json': JSON.stringify({
      architectures: ['BertForSequenceClassification'],
      model_type: 'bert',
      hidden_size: 8,
      vocab_size: vocabulary.size,
      id2label: Object.fromEntries(Array.from({ length: labels }, (_, label) => [String(label), `LABEL_${label}`])),
      label2id: Object.fromEntries(Array.from({ length: labels }, (_, label) => [`LABEL_${label}`, label])),
    }),
    ...tinyTokenizerFiles(vocabulary, options.modelMaxLength ?? 512),
  };
  if (weights.includes('quantized')) files['onnx/model_quantized.onnx'] = overlapScoreModel(TINY_QUANTIZED_SCALE, labels);
  if (weights.includes('full')) files['onnx/model.onnx'] = overlapScoreModel(1, labels);
  writeModelFolder(options.dir, files);
  return Object.keys(files);
}

/**
 * The score the tiny cross-encoder gives `passage` for `query` in full precision, worked out without
 * the model: each character of the question (as the tokenizer splits Chinese text and punctuation:
 * one token each) that the vocabulary holds and the passage contains counts once per occurrence
 * in the question. Questions with Latin letters or digits, which WordPiece joins into words, are refused.
 */
export function tinyCrossEncoderScore(characters: string, query: string, passage: string): number {
  if (/[A-Za-z0-9]/.test(query)) throw new Error(`tinyCrossEncoderScore takes questions of Chinese characters and punctuation only, got "${query}"`);
  const vocabulary = tinyVocabulary(characters);
  const text = passage.toLowerCase();
  return Array.from(query.toLowerCase()).filter((character) => !/\s/u.test(character) && vocabulary.has(character) && text.includes(character)).length;
}

/**
 * ONNX (opset 13). With q = attended non-special question tokens (type 0) and p = attended
 * non-special passage tokens (type 1): score[b] = scale · Σ_s q[b,s] · min(1, Σ_t p[b,t] · [ids[b,s] = ids[b,t]]).
 * Output `logits` [batch, labels].
 */
function overlapScoreModel(scale: number, labels: number): Uint8Array {
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
  const int64 = (name: string, values: number[], dims: number[] = [values.length]): Onnx.ITensorProto => ({
    name,
    dataType: DataType.INT64,
    dims,
    rawData: new Uint8Array(BigInt64Array.from(values.map(BigInt)).buffer),
  });
  const float = (name: string, value: number): Onnx.ITensorProto => ({ name, dataType: DataType.FLOAT, dims: [], rawData: new Uint8Array(Float32Array.of(value).buffer) });
  const toFloat = (input: string, output: string): Onnx.INodeProto => node('Cast', [input], output, [{ name: 'to', type: AttributeType.INT, i: DataType.FLOAT }]);
  const keepDims = (value: number): Onnx.IAttributeProto => ({ name: 'keepdims', type: AttributeType.INT, i: value });
  const head: Onnx.INodeProto[] =
    labels === 1
      ? [node('Identity', ['score'], 'logits')]
      : labels === 2
        ? [node('Neg', ['score'], 'negative_score'), node('Concat', ['negative_score', 'score'], 'logits', [{ name: 'axis', type: AttributeType.INT, i: 1 }])]
        : [node('Concat', ['score', 'score', 'score'], 'logits', [{ name: 'axis', type: AttributeType.INT, i: 1 }])];
  const graph: Onnx.IGraphProto = {
    name: 'tiny-overlap-cross-encoder',
    input: [tokenInput('input_ids'), tokenInput('attention_mask'), tokenInput('token_type_ids')],
    output: [{ name: 'logits', type: { tensorType: { elemType: DataType.FLOAT, shape: { dim: [{ dimParam: 'batch' }, { dimValue: labels }] } } } }],
    initializer: [int64('last_special_id', [SPECIAL_TOKENS.length - 1], []), int64('axis_one', [1]), int64('axis_two', [2]), float('one', 1), float('scale', scale)],
    node: [
      // Which positions count: attended, not [CLS]/[SEP]/[PAD]/[UNK]/[MASK]; question (type 0) or passage (type 1).
      node('Greater', ['input_ids', 'last_special_id'], 'is_content'),
      toFloat('is_content', 'content'),
      toFloat('attention_mask', 'attended'),
      toFloat('token_type_ids', 'type'),
      node('Mul', ['content', 'attended'], 'counted'),
      node('Mul', ['counted', 'type'], 'passage_tokens'),
      node('Sub', ['counted', 'passage_tokens'], 'question_tokens'),
      // same[b, s, t] = ids[b, s] == ids[b, t], kept where t is a passage token.
      node('Unsqueeze', ['input_ids', 'axis_two'], 'ids_column'),
      node('Unsqueeze', ['input_ids', 'axis_one'], 'ids_row'),
      node('Equal', ['ids_column', 'ids_row'], 'same_token'),
      toFloat('same_token', 'same'),
      node('Unsqueeze', ['passage_tokens', 'axis_one'], 'passage_row'),
      node('Mul', ['same', 'passage_row'], 'passage_matches'),
      node('ReduceSum', ['passage_matches', 'axis_two'], 'match_count', [keepDims(0)]),
      node('Min', ['match_count', 'one'], 'in_passage'),
      node('Mul', ['in_passage', 'question_tokens'], 'question_in_passage'),
      node('ReduceSum', ['question_in_passage', 'axis_one'], 'overlap', [keepDims(1)]),
      node('Mul', ['overlap', 'scale'], 'score'),
      ...head,
    ],
  };
  const model = onnx.ModelProto.create({ irVersion: 7, producerName: 'newsbot-tests', opsetImport: [{ domain: '', version: 13 }], graph });
  return onnx.ModelProto.encode(model).finish();
}
