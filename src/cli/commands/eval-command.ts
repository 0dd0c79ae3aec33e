import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliContext, RegisterCommand } from '../cli-context.js';
import type { Archive } from '../../pipeline/archive.js';
import { runHeldOutEval } from '../../evaluation/run-held-out-eval.js';
import { loadConfig } from '../../config/config.js';
import { openArchive } from '../../pipeline/open-archive.js';
import { createThrowawayDatabase } from '../../store/postgres/create-throwaway-database.js';
import { loadSquad } from '../../evaluation/load-squad.js';
import { runSquadEval } from '../../evaluation/run-squad-eval.js';
import type { QuestionDetail } from '../../evaluation/question-detail.js';
import { startProgress } from '../progress-bar.js';

/** `newsbot eval <squad.json>`: retrieval and answer quality on a SQuAD-format file, in a throwaway home. */
export const registerEvalCommand: RegisterCommand = (program, context) => {
  program
    .command('eval')
    .description('index every paragraph of a SQuAD-format file into a temporary home, ask every question, report hit@1, hit@5, MRR and answer containsGold')
    .argument('<squad-json>', 'a SQuAD-format JSON file (e.g. CMRC 2018)')
    .option('--json', 'print one JSON object: { questions, retrieval: { hitAt1, hitAt5, mrr }, answer: { containsGold, answered, meanChars } }')
    .option(
      '--held-out',
      'also measure abstention: leave every 10th passage out, and cut the asked fact and what the question asks about out of every 5th from the third, and ask their questions (adds heldOut: { questions, answered, wrong, factLeftOut: { questions, answered, wrong } }; an answer holding the gold from another passage is right)',
    )
    .option('--details <file>', 'write one JSON line per question (ranked passages, answer, answered, gold flags) to <file>')
    .action(async (file: string, options: { json?: boolean; heldOut?: boolean; details?: string }) => {
      const set = loadSquad(path.resolve(context.cwd, file));
      const detailsFile = options.details ? path.resolve(context.cwd, options.details) : null;
      if (detailsFile) fs.writeFileSync(detailsFile, '');
      const onDetail = detailsFile ? (detail: QuestionDetail) => fs.appendFileSync(detailsFile, `${JSON.stringify(detail)}\n`) : undefined;
      const main = await withTemporaryArchive(context, (archive) => {
        const progress = startProgress(context.interactive, 'eval ', set.questions.length);
        return runSquadEval(archive, set, { onProgress: (done) => progress.update(done), onDetail }).finally(() => progress.stop());
      });
      const heldOut = options.heldOut ? await withTemporaryArchive(context, (archive) => runHeldOutEval(archive, set, { every: 10, onDetail })) : undefined;
      const report = { ...main, ...(heldOut ? { heldOut } : {}) };
      if (options.json) {
        context.stdout(`${JSON.stringify(report)}\n`);
        return;
      }
      context.stdout(
        `${report.questions} questions over ${set.articles.length} passages in ${report.seconds} s\n` +
          `retrieval: hit@1 ${report.retrieval.hitAt1}  hit@5 ${report.retrieval.hitAt5}  MRR ${report.retrieval.mrr}  (chunk hit@1 ${report.retrieval.chunkHitAt1})\n` +
          `answer: contains gold ${report.answer.containsGold}  answered ${report.answer.answered}  mean length ${report.answer.meanChars} characters\n` +
          (heldOut
            ? `held out: ${heldOut.questions} questions whose passage is not in the archive, answered ${heldOut.answered}, wrong ${heldOut.wrong}\n` +
              `fact left out: ${heldOut.factLeftOut.questions} questions whose passage is in the archive without their fact, answered ${heldOut.factLeftOut.answered}, wrong ${heldOut.factLeftOut.wrong}\n`
            : ''),
      );
    });
};

/**
 * Runs `work` on an archive in a throwaway NEWSBOT_HOME (same embedder settings), then deletes it.
 * With DATABASE_URL set, the evaluation set goes to a throwaway PostgreSQL database (or schema),
 * dropped afterwards: never into the production tables.
 */
async function withTemporaryArchive<T>(context: CliContext, work: (archive: Archive) => Promise<T>): Promise<T> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-eval-'));
  const productionUrl = context.config().databaseUrl;
  const throwaway = productionUrl === null ? null : await createThrowawayDatabase(productionUrl);
  try {
    const env = { ...context.env, NEWSBOT_HOME: home, ...(throwaway ? { DATABASE_URL: throwaway.connectionString } : {}) };
    const archive = await openArchive(loadConfig(env, context.cwd), context.logger());
    try {
      return await work(archive);
    } finally {
      await archive.close();
    }
  } finally {
    await throwaway?.drop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
