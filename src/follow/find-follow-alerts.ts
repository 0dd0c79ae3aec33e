import type { Retriever } from '../retrieval/passage.js';
import type { Follow } from '../store/follow-store.js';
import { buildTimeline, type TimelineEntry } from '../timeline/build-timeline.js';

/** One new article about a topic a chat follows. */
export interface FollowAlert {
  follow: Follow;
  /** The article as a timeline line: date, title, the sentence that carries the news, link. */
  entry: TimelineEntry;
}

/** A newly ingested article, as far as the alerts need it. */
export interface NewArticle {
  id: string;
  /** ISO time of its ingest: a follow sees only articles ingested after it was made. */
  ingestedAt: string;
}

export interface FindFollowAlertsOptions {
  retriever: Retriever;
  /** Articles of a topic's search read at most (default 100): a new report must rank among them to be found. */
  maxArticles?: number;
}

export const FIND_FOLLOW_ALERTS_DEFAULTS = { maxArticles: 100 } as const;

/**
 * The new articles about each followed topic, judged as /timeline judges "about the topic" (`buildTimeline`: the
 * keyword search finds the article for the topic, and its vector similarity is at least a share of the best report's),
 * so an article sharing a word with the topic is no alert. One search per distinct topic, however many follow it.
 */
export async function findFollowAlerts(follows: readonly Follow[], articles: readonly NewArticle[], options: FindFollowAlertsOptions): Promise<FollowAlert[]> {
  const ingestedAt = new Map(articles.map((article) => [article.id, article.ingestedAt]));
  const alerts: FollowAlert[] = [];
  const topics = [...new Set(follows.map((follow) => follow.topic))];
  for (const topic of topics) {
    const timeline = await buildTimeline(topic, { retriever: options.retriever, maxArticles: options.maxArticles ?? FIND_FOLLOW_ALERTS_DEFAULTS.maxArticles });
    const fresh = timeline.entries.filter((entry) => ingestedAt.has(entry.articleId));
    for (const follow of follows) {
      if (follow.topic !== topic) continue;
      for (const entry of fresh) if (ingestedAt.get(entry.articleId)! > follow.createdAt) alerts.push({ follow, entry });
    }
  }
  return alerts;
}
