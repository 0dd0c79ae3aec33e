import fs from 'node:fs';
import path from 'node:path';
import { downloadModelFile } from './download-model-file.js';
import { ModelDownloadError } from './model-download-error.js';
import { ModelFileMissingError } from './model-file-missing-error.js';
import { MODEL_FILES, type ModelPrecision } from './model-files.js';

export interface EnsureModelFilesOptions {
  /** Hugging Face model id, e.g. `Xenova/bge-small-zh-v1.5`. */
  model: string;
  /** Branch, tag or commit of the model repository. */
  revision: string;
  precision: ModelPrecision;
  /** The model's folder in the cache (see `modelCacheFolder`). */
  dir: string;
  /** Hub or mirror to download from, e.g. `https://huggingface.co` or `https://hf-mirror.com`. */
  endpoint: string;
  /** When true nothing is downloaded: a missing file fails at once. */
  offline: boolean;
  /** Bearer token sent with each download (HF_TOKEN), or null. */
  token?: string | null;
  /** Idle bound of each download. */
  timeoutMs: number;
  /** Files fetched along when present on the hub. Default `MODEL_FILES.optional` (an embedding model's sentence-transformers settings). */
  optionalFiles?: readonly string[];
  /** The settings that chose model and revision, for the hint of a 404. Default `EMBEDDING_MODEL` and `EMBEDDING_REVISION`. */
  settingNames?: { model: string; revision: string };
}

export interface EnsureModelFilesResult {
  /** The weights in use: `auto` resolves to what the cache holds, quantized first. */
  precision: 'quantized' | 'full';
  /** Files downloaded by this call, relative to the model folder. */
  downloaded: string[];
}

/**
 * Makes sure the model folder holds what loading needs, downloading the missing files from
 * `endpoint` (`<endpoint>/<model>/resolve/<revision>/<file>`) unless `offline`. Offline, the
 * first missing file throws `ModelFileMissingError` without touching the network. Files
 * already present are trusted: they were written whole by `downloadModelFile` or copied in.
 */
export async function ensureModelFiles(options: EnsureModelFilesOptions): Promise<EnsureModelFilesResult> {
  const present = (file: string): boolean => fs.existsSync(path.join(options.dir, file));
  const candidates = options.precision === 'auto' ? (['quantized', 'full'] as const) : ([options.precision] as const);
  const missingRequired = MODEL_FILES.required.filter((file) => !present(file));
  const cachedPrecision = candidates.find((precision) => present(MODEL_FILES.weights[precision]));

  if (options.offline) {
    const firstMissing = missingRequired[0];
    if (firstMissing !== undefined) throw new ModelFileMissingError([path.join(options.dir, firstMissing)]);
    if (cachedPrecision === undefined) throw new ModelFileMissingError(candidates.map((precision) => path.join(options.dir, MODEL_FILES.weights[precision])));
    return { precision: cachedPrecision, downloaded: [] };
  }

  const settingNames = options.settingNames ?? { model: 'EMBEDDING_MODEL', revision: 'EMBEDDING_REVISION' };
  const downloaded: string[] = [];
  const download = async (file: string): Promise<boolean> => {
    const url = `${options.endpoint.replace(/\/+$/, '')}/${options.model}/resolve/${encodeURIComponent(options.revision)}/${file}`;
    const found = await downloadModelFile({ url, destination: path.join(options.dir, file), timeoutMs: options.timeoutMs, token: options.token ?? null });
    if (found) downloaded.push(file);
    return found;
  };
  const notFound = (file: string): ModelDownloadError =>
    new ModelDownloadError(
      `${options.endpoint.replace(/\/+$/, '')}/${options.model}/resolve/${options.revision}/${file}`,
      `not found (404): check ${settingNames.model}, ${settingNames.revision} and HF_ENDPOINT`,
      { status: 404 },
    );

  for (const file of missingRequired) {
    if (!(await download(file))) throw notFound(file);
  }
  // Optional settings come along whenever the folder is being completed (also after an
  // interrupted download); a complete folder, copied or not, is not asked about them again.
  if (missingRequired.length > 0 || cachedPrecision === undefined) {
    for (const file of options.optionalFiles ?? MODEL_FILES.optional) if (!present(file)) await download(file);
  }
  if (cachedPrecision !== undefined) return { precision: cachedPrecision, downloaded };
  for (const precision of candidates) {
    if (await download(MODEL_FILES.weights[precision])) return { precision, downloaded };
  }
  throw notFound(MODEL_FILES.weights[candidates[0]]);
}
