import path from 'node:path';
import type { BotDeps } from '../bot/bot-deps.js';
import type { Archive } from '../pipeline/archive.js';
import { createReaderKeys } from '../question-log/reader-keys.js';
import { QUESTION_LOG_SECRET_FILE, resolveQuestionLogSecret } from '../question-log/resolve-question-log-secret.js';

/**
 * The one place the archive is taken apart into the ports bot features use (articles, retriever, answerer, each
 * state store, the settings they read); the question log's secret is resolved here, once per process.
 */
export async function botDepsFromArchive(archive: Archive): Promise<BotDeps> {
  const { config, logger, state } = archive;
  const staff = new Set(config.telegram.staffUserIds);
  const secret = await resolveQuestionLogSecret({
    configured: config.questionLog.secret,
    secretFile: path.join(config.dataDir, QUESTION_LOG_SECRET_FILE),
    store: state.questionLog,
    logger,
  });
  return {
    articles: archive.store,
    ...(archive.corrections ? { corrections: archive.corrections } : {}),
    retriever: archive.retriever,
    answerer: archive.answerer,
    readerData: state,
    settings: { telegram: config.telegram, questionLogRetentionDays: config.questionLog.retentionDays, digest: config.digest, follow: config.follow },
    logger,
    isStaff: (userId) => userId !== undefined && staff.has(String(userId)),
    chatMemory: state.chatMemory,
    rateLimits: state.rateLimits,
    subscriptions: state.subscriptions,
    questionLog: state.questionLog,
    answerFeedback: state.answerFeedback,
    pins: state.pins,
    pinMatcher: archive.pinMatcher ?? null,
    readerKeys: createReaderKeys(secret),
  };
}
