// A full BERT encoder as an ONNX graph (opset 13), written node by node in the form the Hugging
// Face exporters produce (LayerNorm and Gelu spelled out; onnxruntime fuses them when it loads),
// with seeded random weights: the same operations on the same sizes as the trained model.
import onnxProto from 'onnx-proto';
import type { onnx as Onnx } from 'onnx-proto';
import type { BertShape } from './bert-shape.js';
import { seededWeights } from './seeded-weights.js';
import { quantizePerColumn, quantizePerTensor } from './quantize-weights.js';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;
const { AttributeType } = onnx.AttributeProto;

/** What masked positions add to the attention scores before the softmax (as in BERT). */
const MASKED_SCORE = -10_000;

export interface BertEncoderGraphOptions {
  /**
   * Write the int8 form onnxruntime's dynamic quantizer makes of it (`model_quantized.onnx`): each
   * dense layer as DynamicQuantizeLinear → MatMulInteger → Cast → Mul by the scales, embedding
   * tables as uint8 Gather → DequantizeLinear (see `quantize-weights.ts`). The attention's two
   * activation-by-activation MatMuls stay float32 (under 1% of the multiply-adds at question length).
   * Same seeds, so the weights are the float32 model's, rounded. Default false.
   */
  quantized?: boolean;
}

/**
 * The encoder's ONNX bytes: inputs `input_ids`, `attention_mask`, `token_type_ids` (int64
 * [batch, sequence]), output `last_hidden_state` (float32 [batch, sequence, hiddenSize]).
 */
export function bertEncoderGraph(shape: BertShape, seed: number, options: BertEncoderGraphOptions = {}): Uint8Array {
  const builder = new GraphBuilder(seed, options.quantized ?? false);
  const { hiddenSize, attentionHeads } = shape;
  if (hiddenSize % attentionHeads !== 0) throw new RangeError(`hidden size ${hiddenSize} is not a multiple of ${attentionHeads} heads`);
  const headSize = hiddenSize / attentionHeads;

  builder.constant('one_float', [], [1]);
  builder.constant('masked_score', [], [MASKED_SCORE]);
  builder.constant('half', [], [0.5]);
  builder.constant('sqrt_two', [], [Math.SQRT2]);
  builder.constant('head_scale', [], [Math.sqrt(headSize)]);
  builder.integers('mask_axes', [1, 2]);
  builder.integers('heads_shape', [0, 0, attentionHeads, headSize]);
  builder.integers('hidden_shape', [0, 0, hiddenSize]);
  builder.integers('zero', [0], []);
  builder.integers('one', [1], []);

  // Embeddings: word + position + token type, then LayerNorm.
  const words = builder.lookup('word_embeddings', [shape.vocabularySize, hiddenSize], 'input_ids', 'word_states');
  builder.node('Shape', ['input_ids'], 'input_shape');
  builder.node('Gather', ['input_shape', 'one'], 'sequence_length', [{ name: 'axis', type: AttributeType.INT, i: 0 }]);
  builder.node('Range', ['zero', 'sequence_length', 'one'], 'position_ids');
  const positions = builder.lookup('position_embeddings', [shape.maxPositions, hiddenSize], 'position_ids', 'position_states');
  const types = builder.lookup('token_type_embeddings', [shape.typeVocabularySize, hiddenSize], 'token_type_ids', 'type_states');
  builder.node('Add', [words, positions], 'word_position_states');
  let hidden = builder.layerNorm('embeddings', builder.node('Add', ['word_position_states', types], 'embedding_sum'), hiddenSize, shape.layerNormEpsilon);

  // The attention mask as a bias: 0 where attended, MASKED_SCORE where padded; [batch, 1, 1, sequence].
  builder.node('Unsqueeze', ['attention_mask', 'mask_axes'], 'mask_4d');
  builder.node('Cast', ['mask_4d'], 'mask_float', [{ name: 'to', type: AttributeType.INT, i: DataType.FLOAT }]);
  builder.node('Sub', ['one_float', 'mask_float'], 'mask_inverted');
  builder.node('Mul', ['mask_inverted', 'masked_score'], 'mask_bias');

  for (let layer = 0; layer < shape.layers; layer += 1) {
    const name = (part: string): string => `layer_${layer}_${part}`;
    const heads = (part: 'query' | 'key' | 'value', perm: number[]): string => {
      const projected = builder.dense(name(part), hidden, hiddenSize, hiddenSize);
      builder.node('Reshape', [projected, 'heads_shape'], name(`${part}_heads`));
      return builder.node('Transpose', [name(`${part}_heads`)], name(`${part}_transposed`), [{ name: 'perm', type: AttributeType.INTS, ints: perm }]);
    };
    const query = heads('query', [0, 2, 1, 3]);
    const key = heads('key', [0, 2, 3, 1]);
    const value = heads('value', [0, 2, 1, 3]);
    builder.node('MatMul', [query, key], name('scores_raw'));
    builder.node('Div', [name('scores_raw'), 'head_scale'], name('scores_scaled'));
    builder.node('Add', [name('scores_scaled'), 'mask_bias'], name('scores'));
    builder.node('Softmax', [name('scores')], name('probabilities'), [{ name: 'axis', type: AttributeType.INT, i: -1 }]);
    builder.node('MatMul', [name('probabilities'), value], name('context_heads'));
    builder.node('Transpose', [name('context_heads')], name('context_transposed'), [{ name: 'perm', type: AttributeType.INTS, ints: [0, 2, 1, 3] }]);
    builder.node('Reshape', [name('context_transposed'), 'hidden_shape'], name('context'));
    const attended = builder.dense(name('attention_output'), name('context'), hiddenSize, hiddenSize);
    builder.node('Add', [attended, hidden], name('attention_residual'));
    const normed = builder.layerNorm(name('attention'), name('attention_residual'), hiddenSize, shape.layerNormEpsilon);

    const expanded = builder.dense(name('intermediate'), normed, hiddenSize, shape.intermediateSize);
    // gelu(x) = x · ½ · (1 + erf(x / √2)), BERT's exact form.
    builder.node('Div', [expanded, 'sqrt_two'], name('gelu_scaled'));
    builder.node('Erf', [name('gelu_scaled')], name('gelu_erf'));
    builder.node('Add', [name('gelu_erf'), 'one_float'], name('gelu_shifted'));
    builder.node('Mul', [expanded, name('gelu_shifted')], name('gelu_product'));
    builder.node('Mul', [name('gelu_product'), 'half'], name('gelu'));
    const output = builder.dense(name('output'), name('gelu'), shape.intermediateSize, hiddenSize);
    builder.node('Add', [output, normed], name('output_residual'));
    hidden = builder.layerNorm(name('output'), name('output_residual'), hiddenSize, shape.layerNormEpsilon);
  }
  builder.node('Identity', [hidden], 'last_hidden_state');

  const tokenInput = (name: string): Onnx.IValueInfoProto => ({
    name,
    type: { tensorType: { elemType: DataType.INT64, shape: { dim: [{ dimParam: 'batch_size' }, { dimParam: 'sequence_length' }] } } },
  });
  const graph: Onnx.IGraphProto = {
    name: 'bert-encoder',
    input: [tokenInput('input_ids'), tokenInput('attention_mask'), tokenInput('token_type_ids')],
    output: [
      {
        name: 'last_hidden_state',
        type: {
          tensorType: { elemType: DataType.FLOAT, shape: { dim: [{ dimParam: 'batch_size' }, { dimParam: 'sequence_length' }, { dimValue: hiddenSize }] } },
        },
      },
    ],
    initializer: builder.initializers,
    node: builder.nodes,
  };
  const model = onnx.ModelProto.create({ irVersion: 7, producerName: 'newsbot-bench', opsetImport: [{ domain: '', version: 13 }], graph });
  return onnx.ModelProto.encode(model).finish();
}

/** Collects nodes and initializers; each weight tensor gets its own seed so the graph order fixes the values. */
class GraphBuilder {
  readonly nodes: Onnx.INodeProto[] = [];
  readonly initializers: Onnx.ITensorProto[] = [];
  private nextSeed: number;

  constructor(
    seed: number,
    private readonly quantized: boolean,
  ) {
    this.nextSeed = seed;
  }

  node(opType: string, input: string[], output: string | string[], attribute: Onnx.IAttributeProto[] = []): string {
    const outputs = typeof output === 'string' ? [output] : output;
    this.nodes.push({ opType, input, output: outputs, name: outputs[0], attribute });
    return outputs[0]!;
  }

  /** A raw tensor of another type (int8 / uint8 weights and zero points). */
  tensor(name: string, dataType: number, dims: number[], values: Int8Array | Uint8Array): string {
    this.initializers.push({ name, dataType, dims, rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength) });
    return name;
  }

  /** Rows of an embedding table: `Gather`, or in the quantized graph a uint8 `Gather` then `DequantizeLinear`. */
  lookup(name: string, dims: [number, number], ids: string, output: string): string {
    if (!this.quantized) return this.node('Gather', [this.weights(name, dims), ids], output);
    const quantized = quantizePerTensor(this.nextWeights(dims[0] * dims[1]));
    this.tensor(`${name}_quantized`, DataType.UINT8, dims, quantized.values);
    this.constant(`${name}_scale`, [], [quantized.scale]);
    this.tensor(`${name}_zero_point`, DataType.UINT8, [], Uint8Array.of(quantized.zeroPoint));
    this.node('Gather', [`${name}_quantized`, ids], `${output}_quantized`);
    return this.node('DequantizeLinear', [`${output}_quantized`, `${name}_scale`, `${name}_zero_point`], output);
  }

  constant(name: string, dims: number[], values: number[]): string {
    this.initializers.push({ name, dataType: DataType.FLOAT, dims, rawData: new Uint8Array(Float32Array.from(values).buffer) });
    return name;
  }

  /** An int64 tensor (`dims` [] for a scalar). */
  integers(name: string, values: number[], dims = [values.length]): string {
    this.initializers.push({ name, dataType: DataType.INT64, dims, rawData: new Uint8Array(BigInt64Array.from(values.map(BigInt)).buffer) });
    return name;
  }

  weights(name: string, dims: number[]): string {
    const length = dims.reduce((product, size) => product * size, 1);
    this.initializers.push({ name, dataType: DataType.FLOAT, dims, rawData: new Uint8Array(this.nextWeights(length).buffer) });
    return name;
  }

  /** The next weight tensor's values: each tensor has its own seed, in graph order. */
  private nextWeights(length: number): Float32Array {
    this.nextSeed += 1;
    return seededWeights(length, this.nextSeed);
  }

  /** `input · W + b`, W of [inputs, outputs]. */
  dense(name: string, input: string, inputs: number, outputs: number): string {
    if (this.quantized) {
      const weight = quantizePerColumn(this.nextWeights(inputs * outputs), inputs, outputs);
      this.tensor(`${name}_weight_quantized`, DataType.INT8, [inputs, outputs], weight.values);
      this.constant(`${name}_weight_scale`, [outputs], Array.from(weight.scales));
      this.tensor(`${name}_weight_zero_point`, DataType.INT8, [outputs], new Int8Array(outputs));
      const [quantizedInput, inputScale, inputZeroPoint] = [`${name}_input_quantized`, `${name}_input_scale`, `${name}_input_zero_point`];
      this.node('DynamicQuantizeLinear', [input], [quantizedInput, inputScale, inputZeroPoint]);
      this.node('MatMulInteger', [quantizedInput, `${name}_weight_quantized`, inputZeroPoint, `${name}_weight_zero_point`], `${name}_product_integer`);
      this.node('Cast', [`${name}_product_integer`], `${name}_product_float`, [{ name: 'to', type: AttributeType.INT, i: DataType.FLOAT }]);
      this.node('Mul', [inputScale, `${name}_weight_scale`], `${name}_product_scale`);
      this.node('Mul', [`${name}_product_float`, `${name}_product_scale`], `${name}_product`);
    } else {
      this.node('MatMul', [input, this.weights(`${name}_weight`, [inputs, outputs])], `${name}_product`);
    }
    return this.node('Add', [`${name}_product`, this.constant(`${name}_bias`, [outputs], new Array<number>(outputs).fill(0))], `${name}_dense`);
  }

  /** LayerNorm over the last axis, spelled out as the exporters write it (γ = 1, β = 0 as initialised). */
  layerNorm(name: string, input: string, size: number, epsilon: number): string {
    const last = [{ name: 'axes', type: AttributeType.INTS, ints: [-1] }];
    this.node('ReduceMean', [input], `${name}_mean`, last);
    this.node('Sub', [input, `${name}_mean`], `${name}_centered`);
    this.node('Pow', [`${name}_centered`, this.constant(`${name}_two`, [], [2])], `${name}_squared`);
    this.node('ReduceMean', [`${name}_squared`], `${name}_variance`, last);
    this.node('Add', [`${name}_variance`, this.constant(`${name}_epsilon`, [], [epsilon])], `${name}_variance_epsilon`);
    this.node('Sqrt', [`${name}_variance_epsilon`], `${name}_deviation`);
    this.node('Div', [`${name}_centered`, `${name}_deviation`], `${name}_normalized`);
    this.node('Mul', [`${name}_normalized`, this.constant(`${name}_gamma`, [size], new Array<number>(size).fill(1))], `${name}_scaled`);
    return this.node('Add', [`${name}_scaled`, this.constant(`${name}_beta`, [size], new Array<number>(size).fill(0))], `${name}_norm`);
  }
}
