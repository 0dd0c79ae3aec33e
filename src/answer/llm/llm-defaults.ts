/** Defaults for the generative answerer; each can be overridden through the options of the function that uses it. */
export const LLM_DEFAULTS = {
  /** Passages retrieved and shown to the model. */
  passages: 5,
  /** Upper bound on the completion length; answers are meant to be brief. */
  maxTokens: 600,
  /** Low temperature: the model should copy facts, not invent phrasing around them. */
  temperature: 0.1,
  /** Retries after an HTTP 429 before giving up (each waits for Retry-After). */
  rateLimitRetries: 2,
  /** Longest Retry-After honoured; a server asking for more is treated as a failure. */
  maxRetryAfterMs: 10_000,
  /** Wait after a 429 that carries no usable Retry-After. */
  defaultRetryAfterMs: 1_000,
  /** Share of the answer's characters that must survive verification, else the extractive answer is used. */
  minKeptShare: 0.5,
} as const;
