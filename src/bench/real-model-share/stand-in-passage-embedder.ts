import type { EmbedKind, EmbedOptions, Embedder } from '../../embedding/embedder.js';
import { HashEmbedder } from '../../embedding/hash-embedder.js';

/**
 * The model's identity and limits, with passages embedded by the hash embedder at the model's
 * dimensions and queries by the model. Embedding 100,000 passages with a bge-small-zh-sized model
 * takes over an hour on two cores; this builds an index of the same size and shape (the HNSW
 * graph over 512-dimension unit vectors, the manifest naming the model) in minutes. Only the
 * passage vectors' values are stand-ins: the retriever sees `semantic` from the model, so it
 * fuses both legs at weight 1 as with the real default.
 */
export class StandInPassageEmbedder implements Embedder {
  private readonly passages: HashEmbedder;

  constructor(readonly model: Embedder) {
    this.passages = new HashEmbedder({ dimensions: model.dimensions });
  }

  get id(): string {
    return this.model.id;
  }
  get dimensions(): number {
    return this.model.dimensions;
  }
  get maxBatchSize(): number {
    return this.model.maxBatchSize;
  }
  get maxConcurrency(): number {
    return this.model.maxConcurrency;
  }
  get semantic(): boolean {
    return this.model.semantic;
  }
  get maxInputChars(): number {
    return this.model.maxInputChars;
  }

  embed(texts: string[], kind: EmbedKind, options?: EmbedOptions): Promise<Float32Array[]> {
    return kind === 'passage' ? this.passages.embed(texts, kind, options) : this.model.embed(texts, kind, options);
  }
}
