import path from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
import { describeConfigIssue } from './describe-config-issue.js';
import { isPostgresUrl } from './database-url.js';

/** Defaults for every setting; `.env.example` documents the same values. */
export const DEFAULTS = {
  /** Embedding model: a Hugging Face id for transformers.js, or `hash` for the offline embedder. */
  EMBEDDING_MODEL: 'Xenova/bge-small-zh-v1.5',
  /** Seconds-scale bound on a model download, so an unreachable network fails fast. */
  MODEL_DOWNLOAD_TIMEOUT_MS: 15_000,
  /** Where model files are downloaded from (Hugging Face convention; a mirror such as https://hf-mirror.com works). */
  HF_ENDPOINT: 'https://huggingface.co',
  /** Which ONNX weights to use: `auto` prefers quantized and falls back to full precision. */
  EMBEDDING_PRECISION: 'auto',
  /** Branch, tag or commit of the model repository. */
  EMBEDDING_REVISION: 'main',
  /** Query vectors remembered per process (0 = none); see `QUERY_VECTOR_CACHE_DEFAULTS`. */
  EMBEDDING_QUERY_CACHE: 1000,
  /** Retrieved passages the cross-encoder reorders when RERANK_MODEL is set (`RERANKING_RETRIEVER_DEFAULTS.passages`). */
  RERANK_PASSAGES: 20,
  /** The reranker's ONNX weights, as EMBEDDING_PRECISION. */
  RERANK_PRECISION: 'auto',
  /** Branch, tag or commit of the reranker's repository. */
  RERANK_REVISION: 'main',
  LOG_LEVEL: 'info',
  RATE_LIMIT_PER_MINUTE: 10,
  /** What one chat (a group) may make the bot send per minute, whoever asks: questions, buttons, /source pages. */
  RATE_LIMIT_PER_CHAT_PER_MINUTE: 20,
  MAX_QUESTION_CHARS: 500,
  HANDLER_TIMEOUT_MS: 30_000,
  WEBHOOK_PORT: 8080,
  DIGEST_CRON: '0 8 * * *',
  DIGEST_TIMEZONE: 'Asia/Shanghai',
  FEED_INTERVAL_MINUTES: 15,
  /** Alerts about followed topics one chat gets per day (in DIGEST_TIMEZONE); several found together are one message. */
  FOLLOW_ALERTS_PER_DAY: 5,
  /** Topics one chat may follow at once. */
  FOLLOW_TOPICS_MAX: 10,
  /** Seconds between looks for new articles about followed topics. */
  FOLLOW_POLL_SECONDS: 15,
  FETCH_TIMEOUT_MS: 15_000,
  FETCH_MAX_BYTES: 5_000_000,
  /** Longest article body `ingest` accepts, in characters; a longer one is refused (a runaway export or a mis-split page). */
  MAX_ARTICLE_CHARS: 1_000_000,
  /**
   * Vectors one segment of the HNSW index holds before it is sealed (written, released from an ingesting process's
   * memory) and a new one opened; bounds an ingest's memory (see docs/performance.md, "A segmented vector index").
   */
  INDEX_SEGMENT_VECTORS: 200_000,
  /** PostgreSQL mode: seconds an embedding job stays leased to a worker without a renewal (renewed every third of it). */
  EMBED_LEASE_SECONDS: 60,
  /** PostgreSQL mode: chunks per embedding job that ingest enqueues. */
  EMBED_JOB_CHUNKS: 64,
  LLM_TIMEOUT_MS: 20_000,
  /** Days a logged question (and the votes on its answer) is kept. */
  QUESTION_LOG_RETENTION_DAYS: 30,
  /** When the weekly unanswered-questions summary goes to STAFF_REPORT_CHAT_ID (Mondays 09:00, in DIGEST_TIMEZONE). */
  STAFF_REPORT_CRON: '0 9 * * 1',
  /** Interface of the metrics server in long-polling mode: loopback, so metrics are not public by accident. */
  METRICS_HOST: '127.0.0.1',
} as const;

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim().length > 0 ? value.trim() : null));

const booleanFlag = z
  .string()
  .optional()
  .transform((value) => value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase()));

/** A cron pattern croner accepts (5 or 6 fields, or a nickname such as @daily); croner's own words say what is wrong. */
const cronPattern = (name: string, fallback: string) =>
  z
    .string()
    .trim()
    .min(1)
    .default(fallback)
    .superRefine((pattern, context) => {
      try {
        new Cron(pattern, { paused: true }).stop();
      } catch (error) {
        const reason = error instanceof Error ? error.message.replace(/^CronPattern: /, '').replace(/\.$/, '') : String(error);
        context.addIssue({ code: 'custom', message: `${name} must be a cron pattern such as "${fallback}" (minute hour day-of-month month day-of-week): ${reason}` });
      }
    });

/** An IANA time zone the runtime knows, such as Asia/Shanghai. */
const timeZone = z
  .string()
  .trim()
  .min(1)
  .default(DEFAULTS.DIGEST_TIMEZONE)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'DIGEST_TIMEZONE must be an IANA time zone such as Asia/Shanghai or Europe/Berlin');

/** Hosts for which a plain-http webhook is accepted: a Bot API on the same machine (tests, a local bot API server). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Telegram posts updates to HTTPS addresses only; plain http is accepted for a loopback address. */
function isWebhookUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}

/** An optional whole number from 1 to `max`; null when unset. */
const optionalCount = (name: string, max: number) =>
  optionalText
    .refine((value) => value === null || (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= max), `${name} must be a whole number from 1 to ${max}`)
    .transform((value) => (value === null ? null : Number(value)));

const ANSWER_CONFIDENCE_RANGE = 'ANSWER_MIN_CONFIDENCE must be a number from 0 to 1';
const RERANK_PASSAGES_RANGE = 'RERANK_PASSAGES must be a whole number from 1 to 100';
const PIN_SIMILARITY_RANGE = 'PIN_MIN_SIMILARITY must be a number from 0 to 1';

const envSchema = z.object({
  NEWSBOT_HOME: optionalText,
  DATABASE_URL: optionalText.refine(
    (value) => value === null || isPostgresUrl(value),
    'DATABASE_URL must be a postgres:// or postgresql:// URL such as postgres://newsbot:password@db.example:5432/newsbot',
  ),
  EMBEDDING_MODEL: z.string().trim().min(1).default(DEFAULTS.EMBEDDING_MODEL),
  MODEL_CACHE_DIR: optionalText,
  MODEL_DOWNLOAD_TIMEOUT_MS: z.coerce.number().int().positive().default(DEFAULTS.MODEL_DOWNLOAD_TIMEOUT_MS),
  HF_ENDPOINT: optionalText.refine((value) => value === null || /^https?:\/\/[^/\s]/.test(value), 'HF_ENDPOINT must be an http(s) address such as https://hf-mirror.com'),
  HF_HUB_OFFLINE: booleanFlag,
  HF_TOKEN: optionalText,
  EMBEDDING_PRECISION: z.enum(['auto', 'quantized', 'full']).default(DEFAULTS.EMBEDDING_PRECISION),
  EMBEDDING_REVISION: z.string().trim().min(1).default(DEFAULTS.EMBEDDING_REVISION),
  EMBEDDING_THREADS: optionalCount('EMBEDDING_THREADS', 256),
  EMBEDDING_BATCH_SIZE: optionalCount('EMBEDDING_BATCH_SIZE', 1024),
  EMBEDDING_QUERY_CACHE: z.coerce.number().int().min(0).max(1_000_000).default(DEFAULTS.EMBEDDING_QUERY_CACHE),
  EMBEDDING_WORKER_THREAD: booleanFlag,
  RERANK_MODEL: optionalText.refine(
    (value) => value === null || (/^[A-Za-z0-9][\w.-]*(\/[\w.-]+)?$/.test(value) && !value.includes('..')),
    'RERANK_MODEL must be a Hugging Face model id such as Xenova/bge-reranker-base (unset: no reranking)',
  ),
  RERANK_PASSAGES: z.coerce
    .number(RERANK_PASSAGES_RANGE)
    .int(RERANK_PASSAGES_RANGE)
    .min(1, RERANK_PASSAGES_RANGE)
    .max(100, RERANK_PASSAGES_RANGE)
    .default(DEFAULTS.RERANK_PASSAGES),
  RERANK_PRECISION: z.enum(['auto', 'quantized', 'full']).default(DEFAULTS.RERANK_PRECISION),
  RERANK_REVISION: z.string().trim().min(1).default(DEFAULTS.RERANK_REVISION),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default(DEFAULTS.LOG_LEVEL),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: optionalText,
  WEBHOOK_URL: optionalText.refine(
    (value) => value === null || isWebhookUrl(value),
    'WEBHOOK_URL must be the public HTTPS address Telegram posts updates to, such as https://bot.example.com/telegram/webhook',
  ),
  WEBHOOK_PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULTS.WEBHOOK_PORT),
  WEBHOOK_HOST: optionalText,
  WEBHOOK_SECRET: optionalText.refine(
    (value) => value === null || /^[A-Za-z0-9_-]{1,256}$/.test(value),
    'WEBHOOK_SECRET may only contain A-Z, a-z, 0-9, _ and - (1 to 256 characters); leave it unset for a random one',
  ),
  STAFF_USER_IDS: commaList.pipe(z.array(z.string().regex(/^\d+$/, 'STAFF_USER_IDS must be numeric Telegram user ids'))),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(DEFAULTS.RATE_LIMIT_PER_MINUTE),
  RATE_LIMIT_PER_CHAT_PER_MINUTE: z.coerce.number().int().positive().default(DEFAULTS.RATE_LIMIT_PER_CHAT_PER_MINUTE),
  MAX_QUESTION_CHARS: z.coerce.number().int().positive().default(DEFAULTS.MAX_QUESTION_CHARS),
  ANSWER_MIN_CONFIDENCE: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number(ANSWER_CONFIDENCE_RANGE).min(0, ANSWER_CONFIDENCE_RANGE).max(1, ANSWER_CONFIDENCE_RANGE).nullable().default(null),
  ),
  PIN_MIN_SIMILARITY: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number(PIN_SIMILARITY_RANGE).min(0, PIN_SIMILARITY_RANGE).max(1, PIN_SIMILARITY_RANGE).nullable().default(null),
  ),
  HANDLER_TIMEOUT_MS: z.coerce.number().int().positive().default(DEFAULTS.HANDLER_TIMEOUT_MS),
  DIGEST_CRON: cronPattern('DIGEST_CRON', DEFAULTS.DIGEST_CRON),
  DIGEST_TIMEZONE: timeZone,
  DIGEST_CHAT_IDS: commaList,
  FOLLOW_ALERTS_PER_DAY: z.coerce.number().int().min(0).default(DEFAULTS.FOLLOW_ALERTS_PER_DAY),
  FOLLOW_TOPICS_MAX: z.coerce.number().int().min(0).default(DEFAULTS.FOLLOW_TOPICS_MAX),
  FOLLOW_POLL_SECONDS: z.coerce.number().positive().default(DEFAULTS.FOLLOW_POLL_SECONDS),
  FEEDS: commaList,
  FEED_INTERVAL: z.coerce.number().positive().default(DEFAULTS.FEED_INTERVAL_MINUTES),
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(DEFAULTS.FETCH_TIMEOUT_MS),
  FETCH_MAX_BYTES: z.coerce.number().int().positive().default(DEFAULTS.FETCH_MAX_BYTES),
  FETCH_ALLOW_PRIVATE: booleanFlag,
  MAX_ARTICLE_CHARS: z.coerce.number().int().positive().default(DEFAULTS.MAX_ARTICLE_CHARS),
  INDEX_SEGMENT_VECTORS: z.coerce.number().int().positive().default(DEFAULTS.INDEX_SEGMENT_VECTORS),
  EMBED_WORKER: z
    .string()
    .optional()
    .transform((value) => value === undefined || value.trim() === '' || ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase())),
  EMBED_LEASE_SECONDS: z.coerce.number().positive().default(DEFAULTS.EMBED_LEASE_SECONDS),
  REPLICA_SEEDS: z
    .string()
    .optional()
    .transform((value) => value === undefined || value.trim() === '' || ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase())),
  EMBED_JOB_CHUNKS: z.coerce.number().int().positive().default(DEFAULTS.EMBED_JOB_CHUNKS),
  LLM_BASE_URL: optionalText,
  LLM_API_KEY: optionalText,
  LLM_MODEL: optionalText,
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(DEFAULTS.LLM_TIMEOUT_MS),
  QUESTION_LOG_SECRET: optionalText.refine(
    (value) => value === null || value.length >= 16,
    'QUESTION_LOG_SECRET must be at least 16 characters long (a random string, e.g. from `openssl rand -hex 32`)',
  ),
  QUESTION_LOG_RETENTION_DAYS: z.coerce.number().positive().default(DEFAULTS.QUESTION_LOG_RETENTION_DAYS),
  STAFF_REPORT_CHAT_ID: optionalText.refine(
    (value) => value === null || /^(-?\d+|@[A-Za-z0-9_]{5,32})$/.test(value),
    'STAFF_REPORT_CHAT_ID must be a chat id such as -1001234567890 or a @channel name',
  ),
  STAFF_REPORT_CRON: cronPattern('STAFF_REPORT_CRON', DEFAULTS.STAFF_REPORT_CRON),
  METRICS_PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, 'METRICS_PORT must be a port number (0 to 65535)')
      .transform(Number)
      .refine((port) => port <= 65535, 'METRICS_PORT must be a port number (0 to 65535)')
      .nullable(),
  ),
  METRICS_HOST: z.string().trim().min(1).default(DEFAULTS.METRICS_HOST),
  METRICS_ON_WEBHOOK_PORT: booleanFlag,
  NEWSROOM_CITY: optionalText.transform((value) => (value === null ? null : value.replace(/市$/, ''))),
  NEWSROOM_DISTRICTS: commaList,
  NEWSBOT_NOW: optionalText.refine(
    (value) => value === null || !Number.isNaN(Date.parse(value)),
    'NEWSBOT_NOW must be a date or time such as 2026-10-15 or 2026-10-15T08:00:00+08:00 (unset: the system clock)',
  ),
});

/** Validated, frozen settings; the only place `process.env` is interpreted. */
export interface Config {
  /** Directory holding the database file. */
  readonly dataDir: string;
  /** Directory holding the HNSW index files and manifest. */
  readonly indexDir: string;
  /** INDEX_SEGMENT_VECTORS: vectors per segment of the HNSW index (the open one is sealed and a new one opened past it). */
  readonly indexSegmentVectors: number;
  /**
   * DATABASE_URL: PostgreSQL is then the system of record and `dataDir`/`indexDir` hold this
   * process's local search replica; null keeps the standalone SQLite archive. Holds a password:
   * log it only through `redactDatabaseUrl`.
   */
  readonly databaseUrl: string | null;
  /** Directory where transformers.js caches downloaded models. */
  readonly modelCacheDir: string;
  readonly embeddingModel: string;
  readonly modelDownloadTimeoutMs: number;
  /** HF_ENDPOINT without a trailing slash: the hub or mirror model files come from. */
  readonly modelEndpoint: string;
  /** HF_HUB_OFFLINE: never download; a file missing from the cache is an error. */
  readonly modelOffline: boolean;
  /** HF_TOKEN: sent as a bearer token with model downloads (gated or private models, authenticated mirrors). */
  readonly modelToken: string | null;
  readonly embeddingPrecision: 'auto' | 'quantized' | 'full';
  readonly embeddingRevision: string;
  /** EMBEDDING_THREADS: onnxruntime intra-op threads per model; null leaves onnxruntime's own choice. */
  readonly embeddingThreads: number | null;
  /** EMBEDDING_BATCH_SIZE: texts per model call; null keeps the profile's (1: one text a call embeds fastest with one onnxruntime thread). */
  readonly embeddingBatchSize: number | null;
  /** EMBEDDING_QUERY_CACHE: query vectors a model-backed embedder remembers (exact question text); 0 = no cache. */
  readonly embeddingQueryCache: number;
  /** EMBEDDING_WORKER_THREAD: run the embedding model in a worker thread, off the event loop (default off; see docs/performance.md). */
  readonly embeddingWorkerThread: boolean;
  /**
   * RERANK_MODEL and its settings: a cross-encoder (transformers.js, downloaded and cached as the
   * embedding model is) reorders the first `passages` retrieved passages; null (unset) = no reranking.
   */
  readonly rerank: {
    readonly model: string;
    readonly revision: string;
    readonly precision: 'auto' | 'quantized' | 'full';
    /** RERANK_PASSAGES: how many of the retrieved passages it reads per search. */
    readonly passages: number;
  } | null;
  /**
   * ANSWER_MIN_CONFIDENCE: least fitted probability that an extractive answer is right for it to be given; null (unset)
   * keeps the answer model's (2/3). Lower answers more and is wrong more often (docs/how-it-works.md, "The answer model", shows the curve).
   */
  readonly answerMinConfidence: number | null;
  /**
   * PIN_MIN_SIMILARITY: least cosine similarity between a reader's question and a pinned one for the editors' answer to
   * be served; null (unset) keeps `PIN_MATCH_DEFAULTS` (0.40 for the hash embedder, measured; 0.80 for a model, not).
   */
  readonly pinMinSimilarity: number | null;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Longest article body (title and paragraphs, in characters) that ingestion accepts. */
  readonly maxArticleChars: number;
  /** PostgreSQL mode: embedding as a queue that `serve`, `newsbot work` and a waiting `ingest` take jobs from. */
  readonly embeddingQueue: {
    /** EMBED_WORKER (default on): whether `serve` takes embedding jobs too. */
    readonly serveWorker: boolean;
    readonly leaseMs: number;
    readonly jobChunks: number;
  };
  /**
   * REPLICA_SEEDS (default on), PostgreSQL mode: a new worker opens the newest replica seed (another worker's replica
   * files) instead of building its replica from rows, and the leader publishes seeds; off does neither.
   */
  readonly replicaSeeds: boolean;
  readonly telegram: {
    readonly token: string | null;
    readonly apiRoot: string | null;
    readonly webhookUrl: string | null;
    readonly webhookPort: number;
    /** WEBHOOK_HOST: the interface the webhook server listens on; null = every interface (what a reverse proxy on another host needs). */
    readonly webhookHost: string | null;
    readonly webhookSecret: string | null;
    readonly staffUserIds: readonly string[];
    /** What one user may make the bot send per minute (questions, inline queries, buttons, /source pages). */
    readonly rateLimitPerMinute: number;
    /** What one chat may be sent per minute, whoever asks. */
    readonly rateLimitPerChatPerMinute: number;
    readonly maxQuestionChars: number;
    readonly handlerTimeoutMs: number;
  };
  readonly digest: {
    readonly cron: string;
    readonly timezone: string;
    readonly chatIds: readonly string[];
  };
  /** Alerts when an article about a followed topic is ingested (/follow). */
  readonly follow: {
    readonly alertsPerDay: number;
    readonly topicsMax: number;
    readonly pollSeconds: number;
  };
  readonly feeds: {
    readonly urls: readonly string[];
    readonly intervalMinutes: number;
    readonly timeoutMs: number;
    readonly maxBytes: number;
    readonly allowPrivateAddresses: boolean;
  };
  readonly llm: {
    readonly baseUrl: string;
    readonly apiKey: string | null;
    readonly model: string;
    readonly timeoutMs: number;
  } | null;
  readonly questionLog: {
    /**
     * QUESTION_LOG_SECRET: the key of reader hashes and button signatures; null = a random one generated once and kept
     * in a file beside the database (never in it). Required in PostgreSQL mode for `serve`. Never log it.
     */
    readonly secret: string | null;
    readonly retentionDays: number;
  };
  readonly staffReport: {
    /** Where the weekly unanswered-questions summary goes; null = no summary. */
    readonly chatId: string | null;
    readonly cron: string;
  };
  readonly metrics: {
    /** METRICS_PORT: port of the /metrics and detailed /health server, in both modes; null = none. */
    readonly port: number | null;
    readonly host: string;
    /** METRICS_ON_WEBHOOK_PORT: also serve /metrics on the webhook port (off: the public listener has the webhook and a bare /health only). */
    readonly onWebhookPort: boolean;
  };
  /** NEWSROOM_CITY and NEWSROOM_DISTRICTS: the paper's own city (its articles say 我市 or 全市 for it); null = none. */
  readonly newsroom: { readonly city: string; readonly districts: readonly string[] } | null;
  /** NEWSBOT_NOW: the moment questions' "now" and relative periods (去年, last month) are read against; null = the system clock. */
  readonly now: Date | null;
}

/** Raised when the environment does not describe a valid configuration. */
export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

/**
 * Reads settings from an environment map (already merged with `.env`).
 * `cwd` anchors the default locations (`data/`, `embeddings/`).
 */
export function loadConfig(env: Record<string, string | undefined>, cwd: string = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => describeConfigIssue(issue, env)).join('; ');
    throw new ConfigError(`invalid configuration: ${problems}. See .env.example for the expected values.`);
  }
  const values = parsed.data;
  const home = values.NEWSBOT_HOME ? path.resolve(cwd, values.NEWSBOT_HOME) : null;

  return Object.freeze({
    dataDir: home ?? path.resolve(cwd, 'data'),
    indexDir: home ? path.join(home, 'index') : path.resolve(cwd, 'embeddings', 'index'),
    indexSegmentVectors: values.INDEX_SEGMENT_VECTORS,
    databaseUrl: values.DATABASE_URL,
    modelCacheDir: values.MODEL_CACHE_DIR ? path.resolve(cwd, values.MODEL_CACHE_DIR) : path.resolve(cwd, 'embeddings', 'models'),
    embeddingModel: values.EMBEDDING_MODEL,
    modelDownloadTimeoutMs: values.MODEL_DOWNLOAD_TIMEOUT_MS,
    modelEndpoint: (values.HF_ENDPOINT ?? DEFAULTS.HF_ENDPOINT).replace(/\/+$/, ''),
    modelOffline: values.HF_HUB_OFFLINE,
    modelToken: values.HF_TOKEN,
    embeddingPrecision: values.EMBEDDING_PRECISION,
    embeddingRevision: values.EMBEDDING_REVISION,
    embeddingThreads: values.EMBEDDING_THREADS,
    embeddingBatchSize: values.EMBEDDING_BATCH_SIZE,
    embeddingQueryCache: values.EMBEDDING_QUERY_CACHE,
    embeddingWorkerThread: values.EMBEDDING_WORKER_THREAD,
    rerank:
      values.RERANK_MODEL === null
        ? null
        : Object.freeze({ model: values.RERANK_MODEL, revision: values.RERANK_REVISION, precision: values.RERANK_PRECISION, passages: values.RERANK_PASSAGES }),
    answerMinConfidence: values.ANSWER_MIN_CONFIDENCE,
    pinMinSimilarity: values.PIN_MIN_SIMILARITY,
    logLevel: values.LOG_LEVEL,
    maxArticleChars: values.MAX_ARTICLE_CHARS,
    embeddingQueue: { serveWorker: values.EMBED_WORKER, leaseMs: values.EMBED_LEASE_SECONDS * 1000, jobChunks: values.EMBED_JOB_CHUNKS },
    replicaSeeds: values.REPLICA_SEEDS,
    telegram: Object.freeze({
      token: values.TELEGRAM_BOT_TOKEN,
      apiRoot: values.TELEGRAM_API_ROOT,
      webhookUrl: values.WEBHOOK_URL,
      webhookPort: values.WEBHOOK_PORT,
      webhookHost: values.WEBHOOK_HOST,
      webhookSecret: values.WEBHOOK_SECRET,
      staffUserIds: Object.freeze([...values.STAFF_USER_IDS]),
      rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE,
      rateLimitPerChatPerMinute: values.RATE_LIMIT_PER_CHAT_PER_MINUTE,
      maxQuestionChars: values.MAX_QUESTION_CHARS,
      handlerTimeoutMs: values.HANDLER_TIMEOUT_MS,
    }),
    digest: Object.freeze({
      cron: values.DIGEST_CRON,
      timezone: values.DIGEST_TIMEZONE,
      chatIds: Object.freeze([...values.DIGEST_CHAT_IDS]),
    }),
    follow: Object.freeze({
      alertsPerDay: values.FOLLOW_ALERTS_PER_DAY,
      topicsMax: values.FOLLOW_TOPICS_MAX,
      pollSeconds: values.FOLLOW_POLL_SECONDS,
    }),
    feeds: Object.freeze({
      urls: Object.freeze([...values.FEEDS]),
      intervalMinutes: values.FEED_INTERVAL,
      timeoutMs: values.FETCH_TIMEOUT_MS,
      maxBytes: values.FETCH_MAX_BYTES,
      allowPrivateAddresses: values.FETCH_ALLOW_PRIVATE,
    }),
    llm:
      values.LLM_BASE_URL !== null && values.LLM_MODEL !== null
        ? Object.freeze({
            baseUrl: values.LLM_BASE_URL,
            apiKey: values.LLM_API_KEY,
            model: values.LLM_MODEL,
            timeoutMs: values.LLM_TIMEOUT_MS,
          })
        : null,
    questionLog: Object.freeze({ secret: values.QUESTION_LOG_SECRET, retentionDays: values.QUESTION_LOG_RETENTION_DAYS }),
    staffReport: Object.freeze({ chatId: values.STAFF_REPORT_CHAT_ID, cron: values.STAFF_REPORT_CRON }),
    metrics: Object.freeze({ port: values.METRICS_PORT, host: values.METRICS_HOST, onWebhookPort: values.METRICS_ON_WEBHOOK_PORT }),
    newsroom: values.NEWSROOM_CITY === null ? null : Object.freeze({ city: values.NEWSROOM_CITY, districts: Object.freeze([...values.NEWSROOM_DISTRICTS]) }),
    now: values.NEWSBOT_NOW === null ? null : new Date(values.NEWSBOT_NOW),
  });
}
