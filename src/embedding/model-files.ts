/** Which ONNX weights to load: `quantized` (int8, smaller and faster), `full` (fp32), or `auto` (quantized when available). */
export type ModelPrecision = 'auto' | 'quantized' | 'full';

/**
 * Files of a model repository in the Hugging Face layout, relative to its folder. `required` are
 * needed by every model; one of `weights` by precision; `optional` (sentence-transformers'
 * settings, which an embedding model outside `MODEL_PROFILES` is run by) may be absent.
 */
export const MODEL_FILES = {
  required: ['config.json', 'tokenizer.json', 'tokenizer_config.json'],
  weights: { quantized: 'onnx/model_quantized.onnx', full: 'onnx/model.onnx' },
  optional: ['config_sentence_transformers.json', '1_Pooling/config.json'],
} as const;
