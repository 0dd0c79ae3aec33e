import { Telegram } from 'telegraf';
import type { BackgroundService } from './background-service.js';
import type { Archive } from '../pipeline/archive.js';
import { createTelegrafMessageSender } from '../telegram/message-sender.js';
import { createStaffReportService } from '../report/staff-report-service.js';
import { createDigestService } from '../digest/create-digest-service.js';
import { createFeedPoller } from '../ingest/feed/feed-poller.js';
import { fetchOptionsFromConfig } from '../ingest/fetch/fetch-options.js';
import { RetryingTelegram } from '../telegram/retrying-telegram.js';
import { createFollowAlertService } from '../follow/follow-alert-service.js';
import { vectorReadyArticles } from '../follow/vector-ready-articles.js';
import { sendFollowAlerts } from '../bot/follow/send-follow-alerts.js';

/**
 * The jobs that run beside the bot: the daily digest, the alerts about followed topics, the feed poller when FEEDS is
 * set, and the weekly staff report when STAFF_REPORT_CHAT_ID is set.
 * The digest and the staff report share their own Telegram client: both send through `sendMessages`, whose retries
 * should not stack on the bot's.
 */
export function createBackgroundServices(archive: Archive): BackgroundService[] {
  const { token, apiRoot } = archive.config.telegram;
  const { subscriptions, sentDigests, feedStates } = archive.state;
  const telegram = new Telegram(token!, apiRoot ? { apiRoot } : {});
  const services: BackgroundService[] = [createDigestService(archive, telegram, { subscriptions, sentDigests })];
  const { follow } = archive.config;
  services.push(
    createFollowAlertService({
      articles: archive.store,
      retriever: archive.retriever,
      isSearchable: (articleIds) => vectorReadyArticles(archive.store, archive.index, articleIds),
      follows: archive.state.follows,
      // Its own retrying client: an alert is sent once, so transient errors are worth retrying (a retried send the server
      // had accepted is the one repeat possible).
      send: sendFollowAlerts(new RetryingTelegram(token!, apiRoot ? { apiRoot } : {}, { logger: archive.logger })),
      alertsPerDay: follow.alertsPerDay,
      timezone: archive.config.digest.timezone,
      pollSeconds: follow.pollSeconds,
      logger: archive.logger,
    }),
  );
  const { feeds } = archive.config;
  if (feeds.urls.length > 0) {
    const poller = createFeedPoller(
      { indexArticles: (articles, options) => archive.indexArticles(articles, options), logger: archive.logger, states: feedStates },
      { urls: feeds.urls, intervalMinutes: feeds.intervalMinutes, fetchOptions: fetchOptionsFromConfig(feeds) },
    );
    services.push({ name: 'feeds', start: () => poller.start(), stop: () => poller.stop() });
  }
  const { staffReport, digest } = archive.config;
  if (staffReport.chatId !== null) {
    const { questionLog, answerFeedback } = archive.state;
    services.push(
      createStaffReportService({
        cron: staffReport.cron,
        timezone: digest.timezone,
        chatId: staffReport.chatId,
        sender: createTelegrafMessageSender(telegram),
        stores: { questionLog, answerFeedback },
        pins: archive.pinMatcher ?? null,
        logger: archive.logger,
      }),
    );
  }
  return services;
}
