import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ModelDownloadError } from './model-download-error.js';
import { DownloadStalledError, withDownloadTimeout } from './with-download-timeout.js';

export interface DownloadModelFileOptions {
  /** Address of the file, e.g. `https://huggingface.co/<model>/resolve/main/config.json`. */
  url: string;
  /** Where the file goes; it appears there only complete and checked. */
  destination: string;
  /** The download fails when the server sends nothing for this long (see `withDownloadTimeout`). */
  timeoutMs: number;
  /** Sent as `Authorization: Bearer <token>` (HF_TOKEN): gated and private models need it. Default none. */
  token?: string | null;
}

/**
 * Downloads one model file through a temporary file beside `destination` and a rename, so the
 * cache never holds half a file, after checking it: the size matches Content-Length, a `.json`
 * parses, an `.onnx` is not empty. Resolves false when the server has no such file (404), for
 * optional files; throws `ModelDownloadError` otherwise.
 */
export async function downloadModelFile(options: DownloadModelFileOptions): Promise<boolean> {
  const { url, destination, timeoutMs } = options;
  const temporary = `${destination}.${process.pid}-${randomUUID().slice(0, 8)}.part`;
  try {
    return await withDownloadTimeout(url, timeoutMs, async () => {
      const response = await fetch(url, options.token ? { headers: { authorization: `Bearer ${options.token}` } } : undefined);
      if (response.status === 404) {
        await response.body?.cancel();
        return false;
      }
      if (!response.ok || response.body === null) {
        await response.body?.cancel();
        const hint = response.status === 401 || response.status === 403 ? ' (a gated or private model: set HF_TOKEN to a token that may read it)' : '';
        throw new ModelDownloadError(url, `HTTP ${response.status} ${response.statusText}`.trim() + hint, { status: response.status });
      }
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), fs.createWriteStream(temporary));
      checkDownload(url, temporary, response.headers);
      fs.renameSync(temporary, destination);
      return true;
    });
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    if (error instanceof ModelDownloadError) throw error;
    throw new ModelDownloadError(url, describeFailure(error), { network: true, cause: error });
  }
}

function checkDownload(url: string, file: string, headers: Headers): void {
  const bytes = fs.statSync(file).size;
  const declared = headers.get('content-length');
  const encoding = headers.get('content-encoding');
  // A compressed body is longer once decoded than Content-Length says.
  if (declared !== null && (encoding === null || encoding === 'identity') && Number(declared) !== bytes) {
    throw new ModelDownloadError(url, `received ${bytes} bytes, expected ${declared} (Content-Length): the transfer was cut short`);
  }
  if (url.endsWith('.json')) {
    try {
      JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ModelDownloadError(url, 'the file is not valid JSON (a proxy error page?)', { cause: error });
    }
  }
  if (url.endsWith('.onnx') && bytes === 0) throw new ModelDownloadError(url, 'the ONNX file is empty');
}

function describeFailure(error: unknown): string {
  if (error instanceof DownloadStalledError) return error.message;
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? error.cause.message : null;
    if (error.message === 'fetch failed' && cause) return `network error (${cause})`;
    return error.message;
  }
  return String(error);
}
