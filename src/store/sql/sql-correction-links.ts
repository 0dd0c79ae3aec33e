import type { Article } from '../../ingest/article.js';
import { chooseCorrectionTarget, type CorrectionTarget } from '../../ingest/corrections/choose-correction-target.js';
import { readCorrection } from '../../ingest/corrections/read-correction.js';
import { correctionValues, UPSERT_CORRECTION, UPSERT_REVISION } from '../correction-rows.js';
import type { SqlClient } from './sql-client.js';

/** A `correction_notices` row (migration 13): a notice and what it names. */
interface NoticeRow {
  correction_id: string;
  notice_date: string | null;
  quoted_title: string | null;
  url: string | null;
  named_date: string | null;
  wrong: string | null;
  corrected: string | null;
}

/** Titles and addresses per `IN (…)` list: well under SQLite's 32,766 parameters. */
const NAMES_PER_QUERY = 500;

/**
 * Writes printed corrections and updates in place, written once for both backends: the SQLite archive runs it after
 * indexing, PostgreSQL inside the transaction that writes the articles (so the change log carries the links with them).
 */
export class SqlCorrectionLinks {
  constructor(private readonly client: SqlClient) {}

  /**
   * Records the correction notices among `articles` and links every notice that names one of them to the article it
   * corrects (by the web address it names, else the title it quotes, of the day it names when several are): the
   * notices just written, and the ones ingested earlier that name an article only now written. Returns the ids of
   * the articles whose corrections were written (a notice moved to another article counts both).
   */
  async link(articles: readonly Article[]): Promise<string[]> {
    const notices = new Map<string, NoticeRow>();
    for (const article of articles) {
      const notice = readCorrection(article);
      if (!notice) continue;
      const row: NoticeRow = {
        correction_id: article.id,
        notice_date: article.date,
        quoted_title: notice.quotedTitle,
        url: notice.url,
        named_date: notice.namedDate,
        wrong: notice.wrong,
        corrected: notice.corrected,
      };
      await this.client.run(
        `INSERT INTO correction_notices (correction_id, notice_date, quoted_title, url, named_date, wrong, corrected) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (correction_id) DO UPDATE SET notice_date = excluded.notice_date, quoted_title = excluded.quoted_title, url = excluded.url,
           named_date = excluded.named_date, wrong = excluded.wrong, corrected = excluded.corrected`,
        [row.correction_id, row.notice_date, row.quoted_title, row.url, row.named_date, row.wrong, row.corrected],
      );
      notices.set(row.correction_id, row);
    }
    for (const row of await this.noticesNaming(articles)) if (!notices.has(row.correction_id)) notices.set(row.correction_id, row);
    const changed = new Set<string>();
    for (const notice of notices.values()) {
      const targets = (await this.targetsOf(notice)).filter((target) => target.id !== notice.correction_id);
      const target = chooseCorrectionTarget(targets, notice.named_date, notice.notice_date);
      if (!target) continue;
      const [previous] = await this.client.rows<{ article_id: string }>('SELECT article_id FROM article_corrections WHERE correction_id = ?', [notice.correction_id]);
      await this.client.run(
        UPSERT_CORRECTION,
        correctionValues({ correctionId: notice.correction_id, articleId: target.id, correctedOn: notice.notice_date, wrong: notice.wrong, corrected: notice.corrected }),
      );
      changed.add(target.id);
      if (previous && previous.article_id !== target.id) changed.add(previous.article_id);
    }
    return [...changed];
  }

  /** Records that these articles' text changed in place on `day` (YYYY-MM-DD). */
  async markUpdated(articleIds: readonly string[], day: string): Promise<void> {
    for (const articleId of articleIds) await this.client.run(UPSERT_REVISION, [articleId, day]);
  }

  /** Those of `articles` that a notice already recorded names by title or web address (it is linked when they are written). */
  async namedByNotices(articles: readonly Article[]): Promise<Article[]> {
    const notices = await this.noticesNaming(articles);
    const titles = new Set(notices.map((notice) => notice.quoted_title));
    const urls = new Set(notices.map((notice) => notice.url));
    return articles.filter((article) => titles.has(article.title) || (article.url !== null && urls.has(article.url)));
  }

  /** Notices already recorded that name one of `articles` by title or web address. */
  private async noticesNaming(articles: readonly Article[]): Promise<NoticeRow[]> {
    const found: NoticeRow[] = [];
    for (let start = 0; start < articles.length; start += NAMES_PER_QUERY) {
      const page = articles.slice(start, start + NAMES_PER_QUERY);
      const titles = page.map((article) => article.title);
      const urls = page.flatMap((article) => (article.url ? [article.url] : []));
      const list = (values: readonly string[]): string => (values.length > 0 ? values.map(() => '?').join(', ') : 'NULL');
      found.push(
        ...(await this.client.rows<NoticeRow>(`SELECT * FROM correction_notices WHERE quoted_title IN (${list(titles)}) OR url IN (${list(urls)})`, [...titles, ...urls])),
      );
    }
    return found;
  }

  /** The articles a notice may correct, oldest first: the one at the address it names, else those with the title it quotes. */
  private async targetsOf(notice: NoticeRow): Promise<CorrectionTarget[]> {
    if (notice.url) {
      const byUrl = await this.client.rows<CorrectionTarget>('SELECT id, date FROM articles WHERE url = ? ORDER BY date NULLS FIRST, id', [notice.url]);
      if (byUrl.length > 0) return byUrl;
    }
    return notice.quoted_title ? this.client.rows<CorrectionTarget>('SELECT id, date FROM articles WHERE title = ? ORDER BY date NULLS FIRST, id', [notice.quoted_title]) : [];
  }
}
