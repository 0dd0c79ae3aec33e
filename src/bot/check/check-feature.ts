import type { BotFeature } from '../shared/bot-feature.js';
import type { BotContext } from '../shared/bot-context.js';
// `/check <claim>` for staff: the fact check, rendered as Telegram HTML.
import { Composer } from 'telegraf';
import type { CheckResult, Verdict } from '../../check/check-result.js';
import { checkClaim } from '../../check/check-claim.js';
import type { BotDeps } from '../bot-deps.js';
import { staffOnly } from '../shared/staff-only.js';
import type { BotLanguage } from '../shared/i18n/messages.js';
import { escapeHtml } from '../../telegram/escape-html.js';
import { shortenText } from '../../telegram/shorten-text.js';
import { safeUrl } from '../shared/render/source-link.js';
import { groupReplyTarget, sendHtml } from '../shared/reply/send-html.js';
import { startTyping } from '../shared/reply/typing-indicator.js';

/** Longest claim checked, in characters; a longer text is not one claim. */
export const MAX_CLAIM_CHARACTERS = 500;
/** Longest quote shown per piece of evidence. */
const MAX_QUOTE_CHARACTERS = 300;
/** Most pieces of evidence shown. */
const MAX_EVIDENCE = 3;

/** The fixed texts of a /check reply in one language. */
export interface CheckTexts {
  verdicts: Record<Verdict, string>;
  /** Label before the checked claim, colon included. */
  checking: string;
  figures: string;
  /** One figure of the claim beside the archive's (both already HTML). */
  figureLine: (claim: string, archive: string) => string;
  nothing: string;
  evidence: string;
  undated: string;
  notFound: string;
  usage: string;
  tooLong: string;
}

const TEXTS: Record<BotLanguage, CheckTexts> = {
  zh: {
    verdicts: { supported: '✅ <b>属实</b>', contradicted: '❌ <b>不符</b>', not_found: '❔ <b>未找到</b>' },
    checking: '核对：',
    figures: '数字对照',
    figureLine: (claim, archive) => `声明：${claim} · 报道：${archive}`,
    nothing: '无',
    evidence: '依据',
    undated: '日期不详',
    notFound: '本报已刊发的文章中没有找到关于这一说法的内容。',
    usage: '用法：/check 要核对的句子；或回复一条消息并发送 /check。',
    tooLong: `要核对的句子太长了（最多 ${MAX_CLAIM_CHARACTERS} 个字），请只留下一句。`,
  },
  en: {
    verdicts: { supported: '✅ <b>Supported</b>', contradicted: '❌ <b>Contradicted</b>', not_found: '❔ <b>Not found</b>' },
    checking: 'Claim: ',
    figures: 'Figures',
    figureLine: (claim, archive) => `claim: ${claim} · archive: ${archive}`,
    nothing: 'none',
    evidence: 'Evidence',
    undated: 'date unknown',
    notFound: 'Nothing the paper has published speaks to this claim.',
    usage: 'Usage: /check <sentence to verify>, or reply to a message with /check.',
    tooLong: `That is too long to be one claim (at most ${MAX_CLAIM_CHARACTERS} characters).`,
  },
};

/** The ports /check uses. */
export type CheckPorts = Pick<BotDeps, 'retriever' | 'articles' | 'logger' | 'readerKeys' | 'isStaff'>;

/**
 * `/check` (staff only; others get the polite staff-only refusal). The claim is the text after the
 * command or, with none, the text of the message the command replies to. Replies with the verdict, the figures
 * side by side, and the quoted evidence with its source.
 */
export function checkFeature(deps: CheckPorts): BotFeature {
  const composer = new Composer<BotContext>();
  composer.command(
    'check',
    staffOnly(deps, (ctx) => checkCommand(ctx, deps, ctx.payload)),
  );
  // Not in the menu: a newsroom tool, found through /help by staff.
  return { composer, menu: [] };
}

async function checkCommand(ctx: BotContext, deps: CheckPorts, payload: string): Promise<void> {
  const texts = TEXTS[ctx.language];
  const replyToMessageId = groupReplyTarget(ctx);
  const claim = (payload.trim() || repliedText(ctx)).trim();
  if (claim.length === 0) {
    await sendHtml(ctx, texts.usage, { replyToMessageId });
    return;
  }
  if ([...claim].length > MAX_CLAIM_CHARACTERS) {
    await sendHtml(ctx, texts.tooLong, { replyToMessageId });
    return;
  }
  const stopTyping = startTyping(ctx, deps.logger);
  let result: CheckResult;
  try {
    const { retriever, articles: store } = deps;
    result = await checkClaim(claim, { retriever, readChunks: (articleId) => store.articleChunks(articleId) });
  } finally {
    stopTyping();
  }
  deps.logger.info({ staff: ctx.from ? deps.readerKeys.reader(ctx.from.id) : null, verdict: result.verdict }, 'claim checked');
  await sendHtml(ctx, renderCheckResult(claim, result, texts), { replyToMessageId });
}

/** The text (or caption) of the message `/check` replies to, or ''. */
function repliedText(ctx: BotContext): string {
  const message = ctx.message;
  if (!message || !('reply_to_message' in message) || !message.reply_to_message) return '';
  const replied = message.reply_to_message as { text?: string; caption?: string };
  return replied.text ?? replied.caption ?? '';
}

/** The reply: verdict, the claim, figures side by side, evidence quotes with title and date. */
export function renderCheckResult(claim: string, result: CheckResult, texts: CheckTexts): string {
  const lines = [texts.verdicts[result.verdict], `${texts.checking}<i>${escapeHtml(shortenText(claim, MAX_QUOTE_CHARACTERS))}</i>`];
  if (result.comparisons.length > 0) {
    lines.push('', `<b>${texts.figures}</b>`);
    for (const comparison of result.comparisons) {
      const mark = comparison.archive === null ? '' : comparison.matches ? ' ✅' : ' ❌';
      const archive = comparison.archive === null ? texts.nothing : `<b>${escapeHtml(comparison.archive)}</b>`;
      lines.push(`${texts.figureLine(`<b>${escapeHtml(comparison.claim)}</b>`, archive)}${mark}`);
    }
  }
  if (result.evidence.length === 0) {
    lines.push('', texts.notFound);
    return lines.join('\n');
  }
  lines.push('', `<b>${texts.evidence}</b>`);
  for (const evidence of result.evidence.slice(0, MAX_EVIDENCE)) {
    lines.push(`<blockquote>${escapeHtml(shortenText(evidence.quote, MAX_QUOTE_CHARACTERS))}</blockquote>`);
    const url = safeUrl(evidence.url);
    const title = `《${escapeHtml(evidence.title)}》`;
    lines.push(`—— ${url ? `<a href="${escapeHtml(url)}">${title}</a>` : title} · ${escapeHtml(evidence.date ?? texts.undated)}`);
  }
  return lines.join('\n');
}

/** The reply texts for a language (exported for tests). */
export function checkTexts(language: BotLanguage): CheckTexts {
  return TEXTS[language];
}
