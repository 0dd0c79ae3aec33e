import { describe, expect, it } from 'vitest';
import { sessionArguments, type SessionContext } from '../../src/embedding/with-session-options.js';

const context: SessionContext = { options: { intraOpNumThreads: 2 }, modelFile: '/models/x/onnx/model_quantized.onnx' };
const bytes = new Uint8Array(1_000);
const sizes = (size: number | null) => (file: string) => (file === context.modelFile ? size : null);

describe('sessionArguments', () => {
  it('creates a model handed over as the bytes of its file from the file, with the options and the native provider only', () => {
    const args = sessionArguments([bytes, { executionProviders: ['cpu', 'wasm'] }], context, sizes(1_000));
    expect(args).toEqual([context.modelFile, { executionProviders: ['cpu'], intraOpNumThreads: 2 }]);
  });

  it('keeps bytes that are not the file (another size, or no file) and adds the options to them', () => {
    expect(sessionArguments([bytes, { executionProviders: ['cpu'] }], context, sizes(999))).toEqual([bytes, { executionProviders: ['cpu'], intraOpNumThreads: 2 }]);
    expect(sessionArguments([bytes], context, sizes(null))).toEqual([bytes, { intraOpNumThreads: 2 }]);
  });

  it('adds the options to a path, and to bytes given with an offset and a length', () => {
    expect(sessionArguments(['/models/y.onnx'], context, sizes(1_000))).toEqual(['/models/y.onnx', { intraOpNumThreads: 2 }]);
    expect(sessionArguments([bytes.buffer, 0, 1_000, {}], context, sizes(1_000))).toEqual([bytes.buffer, 0, 1_000, { intraOpNumThreads: 2 }]);
  });
});
