/**
 * The house's one rule of imports (DESIGN.md): core ← io ← workers/cli ← state ← map ← ui, never in a circle.
 * `npm run check:imports` (part of `npm test`) fails on a circle or on an import that runs back up a floor.
 * Type-only imports count: a type pulled from a higher floor couples the floors as much as a value does.
 */
const floor = (name, forbidden) => ({
  name: `${name}-imports-down-only`,
  comment: `src/${name} may not import ${forbidden.join(', ')} (core ← io ← workers/cli ← state ← map ← ui)`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: `^src/(${forbidden.join('|')})/` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other in a loop (type-only imports included).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    floor('core', ['io', 'workers', 'cli', 'state', 'map', 'ui']),
    floor('io', ['workers', 'cli', 'state', 'map', 'ui']),
    floor('workers', ['cli', 'state', 'map', 'ui']),
    floor('cli', ['workers', 'state', 'map', 'ui']),
    floor('state', ['cli', 'map', 'ui']),
    floor('map', ['cli', 'ui']),
    floor('ui', ['cli']),
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to no file (the typings-only packages geojson and topojson-specification have no file to resolve to).',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true, pathNot: '^(geojson|topojson-specification)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
