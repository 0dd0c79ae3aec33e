// Import rules for src/ (`npm run check:deps`): no circles, nothing from bench/ or test/, and the layers of docs/ARCHITECTURE.md,
// where a module imports from its own layer or any layer below, never above.

/**
 * The layers from the bottom up. `pipeline` includes `pipeline/replica`, `store` includes its backends (`store/sqlite`, `store/postgres`, `store/hnsw`).
 */
const LAYERS = [
  ['config', 'text', 'log', 'net', 'telegram', 'threads'],
  ['chunking', 'embedding', 'ingest'],
  ['store'],
  ['retrieval'],
  ['answer', 'check', 'timeline'],
  ['pipeline'],
  ['question-log', 'report', 'digest', 'follow'],
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
      name: 'product-not-to-bench-or-test',
      comment: 'The product is src/ alone: research benches (bench/) and test helpers (test/) are not shipped, so src/ never imports them.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(bench|test)/' },
    },
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
      name: 'store-ports-not-adapters',
      comment:
        'The ports at the root of src/store, and the logic written once for both SQL backends in store/sql, name no backend: the adapters in store/sqlite, store/postgres and store/hnsw implement them (docs/ARCHITECTURE.md).',
      severity: 'error',
      from: { path: '^src/store/([^/]+|sql/.+)$' },
      to: { path: '^src/store/(sqlite|postgres|hnsw)/' },
    },
    {
      name: 'store-backends-apart',
      comment: 'One backend never reaches into another: store/sqlite, store/postgres and store/hnsw share logic through the root of src/store and store/sql.',
      severity: 'error',
      from: { path: '^src/store/(sqlite|postgres|hnsw)/' },
      to: { path: '^src/store/(sqlite|postgres|hnsw)/', pathNot: '^src/store/$1/' },
    },
    {
      name: 'text-not-to-store',
      comment: 'Tokenising, jieba and the stop words are neutral text helpers: store/ builds on src/text, never the other way round.',
      severity: 'error',
      from: { path: '^src/text/' },
      to: { path: '^src/store/' },
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
    // bench/ and test/ are in the graph only so that an import of them from src/ shows (the cruise starts at src/).
    includeOnly: '^(src|bench|test)/',
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
