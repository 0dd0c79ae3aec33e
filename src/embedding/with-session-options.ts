// transformers.js 2.17 creates its onnxruntime sessions itself and passes no options through
// (later versions take `session_options`). This adds ours to the sessions created inside
// `withSessionOptions`, by wrapping the one `InferenceSession.create` transformers.js calls; the
// options follow the call's async context, so two models loading at once keep their own.
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';

/** The onnxruntime session options newsbot sets (`intraOpNumThreads`: threads one model call uses). */
export interface SessionOptions {
  intraOpNumThreads?: number;
}

/** What a session created inside `withSessionOptions` is given: the options, and the file the model's bytes come from. */
export interface SessionContext {
  options: SessionOptions;
  /** The ONNX file transformers.js reads and hands over as bytes. */
  modelFile: string;
}

type CreateSession = (...args: unknown[]) => Promise<unknown>;

const current = new AsyncLocalStorage<SessionContext>();
let installing: Promise<void> | null = null;

/** Runs `load` (a transformers.js `from_pretrained` of `context.modelFile`) so that the sessions it creates get `context.options`. */
export async function withSessionOptions<T>(context: SessionContext, load: () => Promise<T>): Promise<T> {
  if (Object.keys(context.options).length === 0) return load();
  installing ??= installWrapper();
  await installing;
  return current.run(context, load);
}

/**
 * The arguments a session is created with, given transformers.js's (the model's bytes and its options, or no options).
 * onnxruntime-node 1.14 ignores the options of a session created from bytes (measured: `intraOpNumThreads` 2 kept one
 * thread busy from bytes and two from the file), so a model whose bytes are the file's is created from the file's path.
 * The node runtime then reads the options, and rejects an execution provider it lacks: transformers.js lists `wasm`
 * after `cpu` for its own fallback, which the path form would refuse, so only `cpu` is kept.
 */
export function sessionArguments(args: readonly unknown[], context: SessionContext, fileSize: (file: string) => number | null): unknown[] {
  const last = args.at(-1);
  const hasOptions = args.length > 1 && typeof last === 'object' && last !== null && !ArrayBuffer.isView(last) && !(last instanceof ArrayBuffer);
  const given = hasOptions ? (last as Record<string, unknown>) : {};
  const merged = { ...given, ...context.options };
  const [model] = args;
  if (args.length <= 2 && ArrayBuffer.isView(model) && fileSize(context.modelFile) === model.byteLength) {
    return [context.modelFile, { ...merged, executionProviders: ['cpu'] }];
  }
  return hasOptions ? [...args.slice(0, -1), merged] : [...args, merged];
}

function sizeOf(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

async function installWrapper(): Promise<void> {
  const onnxruntime = (await import('onnxruntime-node')) as unknown as { default?: unknown; InferenceSession?: unknown };
  // transformers.js takes the CommonJS exports object (`default`), as here.
  const module = (onnxruntime.default ?? onnxruntime) as { InferenceSession: { create: CreateSession } };
  const session = module.InferenceSession;
  const create = session.create.bind(session) as CreateSession;
  session.create = (...args: unknown[]) => {
    const context = current.getStore();
    return context === undefined ? create(...args) : create(...sessionArguments(args, context, sizeOf));
  };
}
