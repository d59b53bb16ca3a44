/**
 * The layers of src/ (docs/ARCHITECTURE.md draws them). Each folder names the
 * folders it may import; anything else is an upward or sideways import and
 * fails `npm test`. Features may use each other, but never in a circle.
 */
const FEATURES = '(guide|screener|requests|event-mode|settings|status|feedback)';

/** folder -> the folders below it that it may import. */
const allowed = {
  shared: [],
  facts: ['shared'],
  storage: ['shared'],
  config: ['shared'],
  i18n: ['shared', 'storage'],
  outbox: ['shared', 'storage', 'config'],
  ui: ['shared', 'storage', 'config', 'i18n'],
  [FEATURES]: ['shared', 'storage', 'config', 'i18n', 'facts', 'outbox', 'ui', FEATURES],
  app: ['shared', 'storage', 'config', 'i18n', 'facts', 'outbox', 'ui', FEATURES],
  sw: ['shared', 'storage', 'outbox'],
  server: ['shared'],
  // The office console: its own page; only pure pieces of the applicant side (the request's labels and rows, the QR code).
  staff: ['shared', 'i18n', 'ui', 'requests', 'event-mode'],
};

/** Single modules a folder may import besides the folders above. */
const allowedFiles = {
  // The console keeps where to return after signing in again in this tab's storage, like every page does.
  staff: ['^src/storage/web-storage\\.ts$'],
  // The worker runs the status checks (src/status/refresh.ts and the plain modules it needs), never a screen.
  sw: ['^src/status/[^/]+\\.ts$'],
};

const layerRules = Object.entries(allowed).map(([from, to]) => ({
  name: `layer-${from.replace(/[^a-z-]/g, '')}`,
  comment: `src/${from} may import only ${to.length ? to.join(', ') : 'nothing of src/'} (and itself)`,
  severity: 'error',
  from: { path: `^src/${from}/` },
  to: { path: '^src/', pathNot: [`^src/(${[from, ...to].join('|')})/`, '^src/env\\.d\\.ts$', ...(allowedFiles[from] ?? [])] },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle: two modules that cannot be understood, tested or loaded apart.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'nothing-imports-the-entry',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/main\\.tsx$' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/.*\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.app.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
