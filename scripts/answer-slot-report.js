#!/usr/bin/env node
// How well the answer step finds the asked kind of fact (`findAnswerSlots`), per kind of question, on SQuAD-format
// sets: node scripts/answer-slot-report.js <set.json[.gz]>… [--json]. Run `npm run build` first.
//
// For each question whose gold answer sits in one sentence of its passage: does that sentence hold a slot, is the gold
// inside one (for a figure, date, name or place; a reason's or another name's slot is the marker beside it), and how
// often does another sentence of the same passage hold a slot (the noise a slot must stand out of).
// A pattern change is worth fitting when it raises the first without raising the second as much.
import { parseArgs } from 'node:util';
import { loadSquad } from '../dist/evaluation/load-squad.js';
import { analyzeQuestion } from '../dist/answer/question-profile.js';
import { answerSlotFinder } from '../dist/answer/answer-patterns.js';
import { splitSentences } from '../dist/text/split-sentences.js';

const { values, positionals } = parseArgs({ options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
if (values.help || positionals.length === 0) {
  console.error('usage: node scripts/answer-slot-report.js <set.json[.gz]>… [--json]');
  process.exit(values.help ? 0 : 2);
}

const reports = positionals.map((file) => ({ file, kinds: slotFigures(loadSquad(file)) }));
if (values.json) console.log(JSON.stringify(reports, null, 2));
else
  for (const { file, kinds } of reports) {
    console.log(file);
    for (const [kind, figures] of Object.entries(kinds))
      console.log(
        `  ${kind.padEnd(10)} questions ${String(figures.questions).padStart(4)}  gold sentence with a slot ${figures.goldSentenceWithSlot.toFixed(3)}  gold in a slot ${figures.goldInSlot.toFixed(3)}  other sentences with a slot ${figures.otherWithSlot.toFixed(3)}`,
      );
  }

function slotFigures(set) {
  const articles = new Map(set.articles.map((article) => [article.id, article]));
  const counts = {};
  for (const question of set.questions) {
    const profile = analyzeQuestion(question.question);
    if (profile.expects === null) continue;
    const sentences = splitSentences(articles.get(question.articleId)?.paragraphs.join('\n') ?? '');
    const gold = question.answers[0] ?? '';
    const goldSentence = sentences.find((sentence) => gold !== '' && sentence.includes(gold));
    if (!goldSentence) continue;
    const slotsOf = answerSlotFinder(profile);
    counts[profile.expects] ??= { questions: 0, goldSentenceWithSlot: 0, goldInSlot: 0, others: 0, othersWithSlot: 0 };
    const count = counts[profile.expects];
    count.questions += 1;
    const goldSlots = slotsOf(goldSentence);
    if (goldSlots.length > 0) count.goldSentenceWithSlot += 1;
    if (goldSlots.some((slot) => slot.text.includes(gold) || gold.includes(slot.text))) count.goldInSlot += 1;
    for (const sentence of sentences) {
      if (sentence === goldSentence) continue;
      count.others += 1;
      if (slotsOf(sentence).length > 0) count.othersWithSlot += 1;
    }
  }
  return Object.fromEntries(
    Object.entries(counts)
      .sort(([left], [right]) => left.localeCompare(right))
      .map(([kind, count]) => [
        kind,
        {
          questions: count.questions,
          goldSentenceWithSlot: count.goldSentenceWithSlot / count.questions,
          goldInSlot: count.goldInSlot / count.questions,
          otherWithSlot: count.others === 0 ? 0 : count.othersWithSlot / count.others,
        },
      ]),
  );
}
