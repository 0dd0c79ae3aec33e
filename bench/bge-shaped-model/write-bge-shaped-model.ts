import fs from 'node:fs';
import path from 'node:path';
import { MODEL_PROFILES } from '../../src/embedding/model-profiles.js';
import { bertEncoderGraph } from './bert-encoder-graph.js';
import { BGE_SMALL_ZH_SHAPE, type BertShape } from './bert-shape.js';
import { bertTokenizerConfig, bertTokenizerJson } from './bert-tokenizer-files.js';
import { wordpieceVocabulary } from './wordpiece-vocabulary.js';

/** The model id the bench gives the generated model (outside MODEL_PROFILES: its files say how to pool). */
export const BGE_SHAPED_MODEL_ID = 'newsbot-bench/bge-small-zh-v1.5-shaped';

/** The real model's query instruction and pooling, so the bench embeds exactly the same texts. */
const REAL_PROFILE = MODEL_PROFILES['Xenova/bge-small-zh-v1.5']!;

export interface WriteBgeShapedModelOptions {
  /** The model folder, e.g. `<MODEL_CACHE_DIR>/${BGE_SHAPED_MODEL_ID}`. */
  dir: string;
  /** Text whose characters the vocabulary holds (the corpus to embed); others become [UNK]. */
  characters: string;
  /** Sizes of the encoder. Default `BGE_SMALL_ZH_SHAPE`. */
  shape?: BertShape;
  /** Seed of the weights. Default 1. */
  seed?: number;
  /** Also write the int8 `onnx/model_quantized.onnx` (`bertEncoderGraph`'s `quantized`). Default false. */
  quantized?: boolean;
}

export interface BgeShapedModel {
  /** Files written, relative to the model folder. */
  files: string[];
  /** Weights (embeddings, attention, feed-forward). */
  parameters: number;
  /** Size of onnx/model.onnx. */
  onnxBytes: number;
  /** Size of onnx/model_quantized.onnx, when written. */
  quantizedOnnxBytes: number | null;
}

/**
 * Writes a BERT encoder with bge-small-zh-v1.5's shape and random weights in the Hugging Face
 * layout transformers.js loads: config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx
 * (float32), plus sentence-transformers settings (CLS pooling, bge's query instruction). It costs
 * the compute the real model costs; its vectors mean nothing. With `quantized`, also the int8
 * `onnx/model_quantized.onnx` in the form onnxruntime's dynamic quantizer writes (`bertEncoderGraph`).
 */
export function writeBgeShapedModel(options: WriteBgeShapedModelOptions): BgeShapedModel {
  const shape = options.shape ?? BGE_SMALL_ZH_SHAPE;
  const vocabulary = wordpieceVocabulary(options.characters, shape.vocabularySize);
  const onnxModel = bertEncoderGraph(shape, options.seed ?? 1);
  const quantizedModel = options.quantized ? bertEncoderGraph(shape, options.seed ?? 1, { quantized: true }) : null;
  const files: Record<string, string | Uint8Array> = {
    'config.json': JSON.stringify(
      {
        _name_or_path: BGE_SHAPED_MODEL_ID,
        architectures: ['BertModel'],
        model_type: 'bert',
        hidden_act: 'gelu',
        hidden_size: shape.hiddenSize,
        num_hidden_layers: shape.layers,
        num_attention_heads: shape.attentionHeads,
        intermediate_size: shape.intermediateSize,
        vocab_size: shape.vocabularySize,
        max_position_embeddings: shape.maxPositions,
        type_vocab_size: shape.typeVocabularySize,
        layer_norm_eps: shape.layerNormEpsilon,
        pad_token_id: 0,
        position_embedding_type: 'absolute',
      },
      null,
      2,
    ),
    'tokenizer.json': JSON.stringify(bertTokenizerJson(vocabulary)),
    'tokenizer_config.json': JSON.stringify(bertTokenizerConfig(shape.maxPositions), null, 2),
    '1_Pooling/config.json': JSON.stringify({
      word_embedding_dimension: shape.hiddenSize,
      pooling_mode_cls_token: REAL_PROFILE.pooling === 'cls',
      pooling_mode_mean_tokens: REAL_PROFILE.pooling === 'mean',
    }),
    'config_sentence_transformers.json': JSON.stringify({ prompts: { query: REAL_PROFILE.queryPrefix, passage: REAL_PROFILE.passagePrefix }, default_prompt_name: null }),
    'onnx/model.onnx': onnxModel,
    ...(quantizedModel ? { 'onnx/model_quantized.onnx': quantizedModel } : {}),
  };
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(options.dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return { files: Object.keys(files), parameters: bertParameters(shape), onnxBytes: onnxModel.byteLength, quantizedOnnxBytes: quantizedModel?.byteLength ?? null };
}

/** Weight count of a BERT encoder without the pooler (LayerNorm and biases included). */
export function bertParameters(shape: BertShape): number {
  const { hiddenSize: hidden, intermediateSize: inner } = shape;
  const embeddings = (shape.vocabularySize + shape.maxPositions + shape.typeVocabularySize) * hidden + 2 * hidden;
  const layer = 4 * (hidden * hidden + hidden) + (hidden * inner + inner) + (inner * hidden + hidden) + 4 * hidden;
  return embeddings + shape.layers * layer;
}
