import { EXPECTED_KINDS } from '../../answer/expected-answer.js';
import { CARRIED_FEATURES, HOLDING_FEATURES } from '../../answer/choice/answerability-features.js';

/** What the choice model reads of a candidate answer (see `scoreSentences` and `buildCandidates`). */
export const CHOICE_FEATURES = [
  ...HOLDING_FEATURES,
  'focusFound',
  'hint',
  'slotNearFocus',
  'opensParagraph',
  'firstInPassage',
  'chars',
  'characterOverlap',
  'sharedRun',
  'frame',
  'inOrder',
  'askedCoverage',
  'askedCharacters',
  'slotNearAsked',
  'headingCoverage',
  'distinctiveMissing',
  'passageRank',
  'passageShare',
  'keywordRank',
  'runsOn',
  'slotInNext',
  'endsInColon',
  'nextContinues',
  ...EXPECTED_KINDS.map((kind) => `slot_${kind}`),
] as const;

/** What the answerability model reads of a question and its best candidate (see `answerabilityFeatures`). */
export const ANSWERABLE_FEATURES = [
  'choiceLogit',
  'choiceShare',
  'articleShare',
  'articlesInTop3',
  'distinctiveAbsent',
  'weightAbsent',
  'units',
  'slot',
  ...CARRIED_FEATURES,
  ...EXPECTED_KINDS.map((kind) => `expects_${kind}`),
] as const;
