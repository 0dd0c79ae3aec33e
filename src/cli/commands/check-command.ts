import type { RegisterCommand } from '../cli-context.js';
import { UsageError } from '../errors.js';
import { checkClaim } from '../../check/check-claim.js';
import type { CheckResult } from '../../check/check-result.js';

/**
 * `newsbot check "<claim>"`: supported / contradicted / not_found against the published archive, with the
 * evidence quotes and the figures compared. Exit code 0 whatever the verdict.
 */
export const registerCheckCommand: RegisterCommand = (program, context) => {
  program
    .command('check')
    .description('fact-check a sentence against the published articles: supported, contradicted or not found')
    .argument('<claim>', 'the sentence to check, e.g. "株洲今年将新建100家爱心驿站"')
    .option('--json', 'print one JSON object: { verdict, evidence: [{ articleId, title, date, url, quote }], explanation, comparisons }')
    .action(async (claim: string, options: { json?: boolean }) => {
      if (claim.trim().length === 0) throw new UsageError('the claim is empty; give the sentence to check, e.g. newsbot check "株洲今年将新建100家爱心驿站"');
      const archive = await context.openArchive();
      const result = await checkClaim(claim, { retriever: archive.retriever, readChunks: (articleId) => archive.store.articleChunks(articleId) });
      context.stdout(options.json ? `${JSON.stringify(result)}\n` : formatCheckResult(result));
    });
};

const VERDICT_LABELS: Record<CheckResult['verdict'], string> = {
  supported: 'SUPPORTED',
  contradicted: 'CONTRADICTED',
  not_found: 'NOT FOUND',
};

/** Human output: the verdict, the explanation, then each quote with its source. */
function formatCheckResult(result: CheckResult): string {
  const lines = [VERDICT_LABELS[result.verdict], result.explanation];
  for (const evidence of result.evidence) {
    lines.push('', `  “${evidence.quote}”`, `  — ${evidence.title}${evidence.date ? ` (${evidence.date})` : ''}${evidence.url ? ` ${evidence.url}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
