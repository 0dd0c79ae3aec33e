import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RegisterCommand } from '../cli-context.js';
import { loadConfig } from '../../config/config.js';
import { openArchive } from '../../pipeline/open-archive.js';
import { loadSquad } from '../../evaluation/load-squad.js';
import { runSquadEval } from '../../evaluation/run-squad-eval.js';
import { startProgress } from '../progress-bar.js';

/** `newsbot eval <squad.json>`: retrieval and answer quality on a SQuAD-format file, in a throwaway home. */
export const registerEvalCommand: RegisterCommand = (program, context) => {
  program
    .command('eval')
    .description('index every paragraph of a SQuAD-format file into a temporary home, ask every question, report hit@1, hit@5, MRR and answer containsGold')
    .argument('<squad-json>', 'a SQuAD-format JSON file (e.g. CMRC 2018)')
    .option('--json', 'print one JSON object: { questions, retrieval: { hitAt1, hitAt5, mrr }, answer: { containsGold } }')
    .action(async (file: string, options: { json?: boolean }) => {
      const set = loadSquad(path.resolve(context.cwd, file));
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-eval-'));
      const config = loadConfig({ ...context.env, NEWSBOT_HOME: home }, context.cwd);
      const archive = await openArchive(config, context.logger());
      const progress = startProgress(context.interactive, 'eval ', set.questions.length);
      try {
        const report = await runSquadEval(archive, set, (done) => progress.update(done));
        progress.stop();
        if (options.json) context.stdout(`${JSON.stringify(report)}\n`);
        else {
          context.stdout(
            `${report.questions} questions over ${set.articles.length} passages in ${report.seconds} s\n` +
              `retrieval: hit@1 ${report.retrieval.hitAt1}  hit@5 ${report.retrieval.hitAt5}  MRR ${report.retrieval.mrr}  (chunk hit@1 ${report.retrieval.chunkHitAt1})\n` +
              `answer: contains gold ${report.answer.containsGold}  answered ${report.answer.answered}\n`,
          );
        }
      } finally {
        progress.stop();
        archive.close();
        fs.rmSync(home, { recursive: true, force: true });
      }
    });
};
