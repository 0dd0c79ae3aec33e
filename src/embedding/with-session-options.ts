// transformers.js 2.17 creates its onnxruntime sessions itself and passes no options through
// (later versions take `session_options`). This adds ours to the sessions created inside
// `withSessionOptions`, by wrapping the one `InferenceSession.create` transformers.js calls; the
// options follow the call's async context, so two models loading at once keep their own.
import { AsyncLocalStorage } from 'node:async_hooks';

/** The onnxruntime session options newsbot sets (`intraOpNumThreads`: threads one model call uses). */
export interface SessionOptions {
  intraOpNumThreads?: number;
}

type CreateSession = (...args: unknown[]) => Promise<unknown>;

const current = new AsyncLocalStorage<SessionOptions>();
let installing: Promise<void> | null = null;

/** Runs `load` (a transformers.js `from_pretrained`) so that the sessions it creates get `options`. */
export async function withSessionOptions<T>(options: SessionOptions, load: () => Promise<T>): Promise<T> {
  if (Object.keys(options).length === 0) return load();
  installing ??= installWrapper();
  await installing;
  return current.run(options, load);
}

async function installWrapper(): Promise<void> {
  const onnxruntime = (await import('onnxruntime-node')) as unknown as { default?: unknown; InferenceSession?: unknown };
  // transformers.js takes the CommonJS exports object (`default`), as here.
  const module = (onnxruntime.default ?? onnxruntime) as { InferenceSession: { create: CreateSession } };
  const session = module.InferenceSession;
  const create = session.create.bind(session) as CreateSession;
  session.create = (...args: unknown[]) => {
    const options = current.getStore();
    if (options === undefined) return create(...args);
    // create(buffer | path, options?) or create(buffer, byteOffset, byteLength?, options?): the options are the last object.
    const last = args.at(-1);
    const hasOptions = typeof last === 'object' && last !== null && !ArrayBuffer.isView(last) && !(last instanceof ArrayBuffer);
    return hasOptions ? create(...args.slice(0, -1), { ...(last as object), ...options }) : create(...args, { ...options });
  };
}
