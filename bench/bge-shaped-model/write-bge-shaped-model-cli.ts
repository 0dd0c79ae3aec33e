// Writes the bge-small-zh-v1.5-shaped model, float32 and int8, into a model cache (docs/performance.md,
// "Embedding throughput"; EMBEDDING_PRECISION picks which one loads):
//   npm run bench:bge-shaped-model -- <MODEL_CACHE_DIR> [text files whose characters the vocabulary holds...]
import fs from 'node:fs';
import path from 'node:path';
import { BGE_SHAPED_MODEL_ID, writeBgeShapedModel } from './write-bge-shaped-model.js';

const [cacheDir, ...textFiles] = process.argv.slice(2);
if (cacheDir === undefined) {
  process.stderr.write('usage: write-bge-shaped-model-cli.js <MODEL_CACHE_DIR> [text files...]\n');
  process.exitCode = 2;
} else {
  const characters = textFiles.map((file) => fs.readFileSync(file, 'utf8')).join('');
  const dir = path.join(path.resolve(cacheDir), BGE_SHAPED_MODEL_ID);
  const model = writeBgeShapedModel({ dir, characters, quantized: true });
  const { parameters, onnxBytes, quantizedOnnxBytes, files } = model;
  process.stdout.write(`${JSON.stringify({ model: BGE_SHAPED_MODEL_ID, dir, parameters, onnxBytes, quantizedOnnxBytes, files })}\n`);
}
