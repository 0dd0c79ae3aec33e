/** The @xenova/transformers module. */
export type TransformersModule = typeof import('@xenova/transformers');

let loading: Promise<TransformersModule> | null = null;

/**
 * Imports @xenova/transformers on first need: it takes ~0.5 s and loads onnxruntime-node and
 * sharp, which the hash embedder never needs. A failed import is retried on the next call.
 */
export function importTransformers(): Promise<TransformersModule> {
  loading ??= import('@xenova/transformers').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
