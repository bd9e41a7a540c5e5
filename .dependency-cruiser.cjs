/**
 * The house's boundaries (npm run lint:deps). Browser code: scenes/, src/page/ (the frame exporter and fonts that
 * the render page and the editor's client share), src/editor/client/, src/editor/ui/.
 * Browser-safe code both sides import: src/shared/, src/frames/, src/records/, src/params/ (the limits
 * scenes lay out by), src/model/data/ (the sentences), src/editor/protocol/, and of each animation's
 * folder its browser-safe part (browser.ts, record.ts, params.ts) with the registry's types and order.
 * Everything else is Node.
 */
const ANIMATION_BROWSER_SAFE = 'src/animations/((types|order)\\.ts|[^/]+/(browser|record|params)\\.ts)$';
const BROWSER = '^(scenes/|src/page/|src/editor/(client|ui)/)';
const BROWSER_SAFE = `^(src/(shared|frames|records|params|model/data|editor/protocol)/|${ANIMATION_BROWSER_SAFE})`;
const NODE_ONLY = `^(src/(model/(?!data/)|animations/(?!${ANIMATION_BROWSER_SAFE.slice('src/animations/'.length)})|store/|figureRules/|render/|encode/|util/|text/|gallery/|bench/|editor/[^/]+\\.ts$|cli|paths)|scripts/)`;

module.exports = {
  forbidden: [
    {
      name: 'node-imports-no-scene',
      comment: 'Node code reads browser-safe modules (src/shared, src/frames, src/records), never scenes/.',
      severity: 'error',
      from: {path: '^(src|scripts)/', pathNot: BROWSER},
      to: {path: '^scenes/'},
    },
    {
      name: 'browser-imports-no-node',
      comment: 'Scenes and the editor page run in the browser: no Node built-ins, no tfjs, no Node-only module.',
      severity: 'error',
      from: {path: `${BROWSER}|${BROWSER_SAFE}`},
      to: {path: `${NODE_ONLY}|@tensorflow|^node:`},
    },
    {
      name: 'browser-imports-no-node-builtin',
      comment: 'Node built-ins (fs, path, …) do not exist in the browser.',
      severity: 'error',
      from: {path: `${BROWSER}|${BROWSER_SAFE}`},
      to: {dependencyTypes: ['core']},
    },
    {
      name: 'encode-imports-only-frames',
      comment: 'The encoders take frames and options, nothing else of the project.',
      severity: 'error',
      from: {path: '^src/encode/'},
      to: {path: '^(src|scenes|scripts)/', pathNot: '^src/(encode|frames)/'},
    },
    {
      name: 'render-imports-no-editor',
      comment: 'The CLI render must not depend on the editor.',
      severity: 'error',
      from: {path: '^src/render/'},
      to: {path: '^src/editor/'},
    },
    {
      name: 'production-imports-no-dev-dependency',
      comment: 'A devDependency is absent where the project is installed with --omit=dev; only the bench and tests may use one.',
      severity: 'error',
      from: {path: '^(src|scenes)/', pathNot: '^src/bench/'},
      to: {dependencyTypes: ['npm-dev']},
    },
    {
      name: 'no-folder-cycles',
      comment: 'Folders depend on each other one way only.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: {circular: true},
    },
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    exclude: {path: '^(output|\\.cache)/'},
    tsPreCompilationDeps: false,
    tsConfig: {fileName: 'tsconfig.json'},
  },
};
