/** The sizes of a BERT encoder, as its config.json states them. */
export interface BertShape {
  hiddenSize: number;
  layers: number;
  attentionHeads: number;
  intermediateSize: number;
  vocabularySize: number;
  maxPositions: number;
  typeVocabularySize: number;
  layerNormEpsilon: number;
}

/**
 * `BAAI/bge-small-zh-v1.5` as converted by Xenova (the default EMBEDDING_MODEL), from its
 * config.json (huggingface.co/Xenova/bge-small-zh-v1.5, revision 6aa54ba): BertModel, gelu,
 * absolute positions, 512-dimensional CLS vectors.
 */
export const BGE_SMALL_ZH_SHAPE: BertShape = {
  hiddenSize: 512,
  layers: 4,
  attentionHeads: 8,
  intermediateSize: 2048,
  vocabularySize: 21_128,
  maxPositions: 512,
  typeVocabularySize: 2,
  layerNormEpsilon: 1e-12,
};
