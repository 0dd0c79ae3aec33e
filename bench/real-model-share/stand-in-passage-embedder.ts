import type { EmbedKind, EmbedOptions, Embedder } from '../../src/embedding/embedder.js';
import { HashEmbedder } from '../../src/embedding/hash-embedder.js';
import { EmbedderDecorator } from '../../src/embedding/embedder-decorator.js';

/**
 * The model's identity and limits, with passages embedded by the hash embedder at the model's
 * dimensions and queries by the model. Embedding 100,000 passages with a bge-small-zh-sized model
 * takes over an hour on two cores; this builds an index of the same size and shape (the HNSW
 * graph over 512-dimension unit vectors, the manifest naming the model) in minutes. Only the
 * passage vectors' values are stand-ins: the retriever sees `semantic` from the model, so it
 * fuses both legs at weight 1 as with the real default.
 */
export class StandInPassageEmbedder extends EmbedderDecorator {
  private readonly passages: HashEmbedder;

  constructor(model: Embedder) {
    super(model);
    this.passages = new HashEmbedder({ dimensions: model.dimensions });
  }

  override embed(texts: string[], kind: EmbedKind, options?: EmbedOptions): Promise<Float32Array[]> {
    return kind === 'passage' ? this.passages.embed(texts, kind, options) : this.inner.embed(texts, kind, options);
  }
}
