import type { RegisterCommand } from '../cli-context.js';
import { UsageError } from '../errors.js';
import { parseDateOption } from '../parse-date-option.js';
import { buildDigest } from '../../digest/build-digest.js';
import { todayInTimezone } from '../../digest/today-in-timezone.js';

/** `newsbot digest [--date YYYY-MM-DD] [--json]`: previews the digest of a day (default today in DIGEST_TIMEZONE). */
export const registerDigestCommand: RegisterCommand = (program, context) => {
  program
    .command('digest')
    .description('preview the digest of a day: its articles in page order, each with a short summary')
    .option('--date <YYYY-MM-DD>', 'the day (default: today in DIGEST_TIMEZONE)')
    .option('--lang <zh|en>', 'language of the heading', 'zh')
    .option('--json', 'print one JSON object: { date, articles: [{ articleId, title, summary, url }], text }')
    .action(async (options: { date?: string; lang: string; json?: boolean }) => {
      const requested = parseDateOption(options.date);
      if (options.lang !== 'zh' && options.lang !== 'en') throw new UsageError(`--lang must be zh or en, got "${options.lang}"`);
      const archive = await context.openArchive();
      const date = requested ?? todayInTimezone(new Date(), archive.config.digest.timezone);
      const digest = buildDigest(archive.store, date, { language: options.lang });
      if (options.json) {
        const articles = digest.articles.map(({ articleId, title, summary, url }) => ({ articleId, title, summary, url }));
        context.stdout(`${JSON.stringify({ date: digest.date, articles, text: digest.text })}\n`);
        return;
      }
      context.stdout(digest.articles.length > 0 ? `${digest.text}\n` : `no articles on ${date}\n`);
    });
};
