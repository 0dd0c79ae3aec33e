import type { Command } from 'commander';
import type { CliContext, RegisterCommand } from '../cli-context.js';
import { UsageError } from '../errors.js';
import { PIN_LIMITS, pinProblem, type PinProblem } from '../../answer/pinned/pin-problem.js';
import type { Pin } from '../../store/pin-store.js';

const PROBLEMS: Record<PinProblem, (articleId: string | null) => string> = {
  emptyQuestion: () => '--question is empty',
  emptyAnswer: () => '--answer is empty',
  questionTooLong: () => `--question is longer than ${PIN_LIMITS.questionChars} characters`,
  answerTooLong: () => `--answer is longer than ${PIN_LIMITS.answerChars} characters`,
  unknownArticle: (articleId) => `no article with id "${articleId}" in the archive; see the ids with \`newsbot search\` or \`newsbot ask --json\``,
};

/** `newsbot pin add|list|remove`: the editors' answers to questions the archive cannot answer, or answers badly. */
export const registerPinCommand: RegisterCommand = (program, context) => {
  const pin = program.command('pin').description("the editors' answers pinned to questions: readers asking the same thing (also reworded) get them");
  registerAdd(pin, context);
  pin
    .command('list')
    .description('list the pins')
    .option('--json', 'print one JSON object: { pins: [{ id, question, answer, articleId }] }')
    .action(async (options: { json?: boolean }) => {
      const archive = await context.openArchive({ reranker: false });
      const pins = await archive.state.pins.list();
      if (options.json) context.stdout(`${JSON.stringify({ pins: pins.map(toJson) })}\n`);
      else if (pins.length === 0) context.stdout('no pins\n');
      else for (const each of pins) context.stdout(`#${each.id} ${each.question}\n    ${each.answer}${each.articleId ? ` [${each.articleId}]` : ''}\n`);
    });
  pin
    .command('remove')
    .description('remove a pin: its question goes back to the archive')
    .argument('<id>', 'the pin id (see `newsbot pin list`)')
    .option('--json', 'print one JSON object: { removed: boolean }')
    .action(async (id: string, options: { json?: boolean }) => {
      if (!/^\d+$/.test(id)) throw new UsageError(`the pin id must be a number, got "${id}"`);
      const archive = await context.openArchive({ reranker: false });
      const removed = await archive.state.pins.remove(Number(id));
      context.stdout(options.json ? `${JSON.stringify({ removed })}\n` : removed ? `removed pin #${id}\n` : `no pin #${id}\n`);
      if (!removed) context.setExitCode(1);
    });
};

function registerAdd(pin: Command, context: CliContext): void {
  pin
    .command('add')
    .description('pin an answer to a question')
    .requiredOption('--question <text>', 'the question, as readers would ask it')
    .requiredOption('--answer <text>', "the editors' answer")
    .option('--article <id>', 'the article the answer rests on, cited with it (the pin stops being served if it is removed)')
    .option('--json', 'print one JSON object: { id, question, answer, articleId }')
    .action(async (options: { question: string; answer: string; article?: string; json?: boolean }) => {
      const archive = await context.openArchive({ reranker: false });
      const newPin = { question: options.question.trim(), answer: options.answer.trim(), articleId: options.article?.trim() || null };
      const problem = pinProblem(newPin, (articleId) => archive.store.getArticle(articleId) !== null);
      if (problem !== null) throw new UsageError(PROBLEMS[problem](newPin.articleId));
      const stored = await archive.state.pins.add(newPin);
      context.stdout(options.json ? `${JSON.stringify(toJson(stored))}\n` : `pinned #${stored.id}: ${stored.question}\n`);
    });
}

function toJson(pin: Pin): { id: number; question: string; answer: string; articleId: string | null } {
  return { id: pin.id, question: pin.question, answer: pin.answer, articleId: pin.articleId };
}
