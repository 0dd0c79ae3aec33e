// Import rules for src/ (`npm run check:deps`): no circles, and the layers of docs/ARCHITECTURE.md,
// where a module imports from its own layer or any layer below, never above.

/**
 * The layers from the bottom up. `pipeline` includes `pipeline/replica`, `store` includes `store/postgres`.
 */
const LAYERS = [
  ['config', 'text', 'log', 'net', 'telegram'],
  ['chunking', 'embedding', 'ingest'],
  ['store'],
  ['retrieval'],
  ['answer', 'check'],
  ['pipeline'],
  ['question-log', 'report', 'digest'],
  ['bot'],
  ['serve', 'bench', 'evaluation'],
  ['cli'],
];

const folders = (layers) => `^src/(${layers.flat().join('|')})/`;

/** One rule per layer (the top one can import anything): nothing in it imports from a layer above. */
const layerRules = LAYERS.slice(0, -1).map((layer, position) => {
  const allowed = LAYERS.slice(0, position + 1).flat();
  return {
    name: `layer-${layer.join('-')}`,
    comment: `${layer.join(', ')} may import only from ${allowed.join(', ')} (docs/ARCHITECTURE.md)`,
    severity: 'error',
    from: { path: folders([layer]) },
    to: { path: folders(LAYERS.slice(position + 1)) },
  };
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A circle of imports has no bottom: none of its modules can be understood, tested or loaded on its own.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing fails at run time.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
    ...layerRules,
    {
      name: 'digest-not-to-bot',
      comment: 'The bot uses the digest, not the other way round (docs/ARCHITECTURE.md): the digest renders its own Telegram messages.',
      severity: 'error',
      from: { path: '^src/digest/' },
      to: { path: '^src/bot/' },
    },
    {
      name: 'bot-features-apart',
      comment:
        'Each folder under src/bot/ is one feature (ask, sources, digest-commands…), registered in src/bot/create-bot.ts; what features share lives in src/bot/shared/. A feature never imports another feature.',
      severity: 'error',
      from: { path: '^src/bot/([^/]+)/' },
      to: { path: '^src/bot/[^/]+/', pathNot: ['^src/bot/$1/', '^src/bot/shared/'] },
    },
    {
      name: 'bot-shared-not-to-features',
      comment: 'src/bot/shared/ serves every feature, so it imports none of them.',
      severity: 'error',
      from: { path: '^src/bot/shared/' },
      to: { path: '^src/bot/[^/]+/', pathNot: '^src/bot/shared/' },
    },
    {
      name: 'answer-check-siblings',
      comment: 'Answering and fact checking both build on retrieval and share helpers through src/text, not through each other.',
      severity: 'error',
      from: { path: '^src/(answer|check)/' },
      to: { path: '^src/(answer|check)/', pathNot: '^src/$1/' },
    },
  ],
  options: {
    includeOnly: '^src/',
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are arrows too: a lower layer naming a higher layer's type depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.cjs', '.mjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
