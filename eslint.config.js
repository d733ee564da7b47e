import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const FEATURES_DIR = path.resolve('src/features');
const SHARED_DIRS = ['src/platform', 'src/ui', 'src/lib', 'src/db', 'src/content', 'src/engagement', 'src/editorial', 'src/search', 'src/open-data']
  .map((dir) => path.resolve(dir));

/** The feature a file belongs to (`practices` for src/features/practices/views/x.tsx), if any. */
function featureOf(file) {
  const relative = path.relative(FEATURES_DIR, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep)[0];
}

/**
 * Features meet only through each other's `index.ts`, and shared modules never reach into a
 * feature at all: what two features need belongs in a shared module.
 */
const featureBoundaries = {
  meta: { type: 'problem', schema: [], messages: {
    intoFeature: "'{{source}}' reaches into the {{target}} feature: import its index.ts, or move what you need to a shared module.",
    sharedIntoFeature: "'{{source}}' is a feature; shared modules must not depend on features.",
  } },
  create(context) {
    const file = context.filename;
    // Tests set up their world through any door; the code under test may not.
    if (/\.(test|e2e)\.tsx?$/.test(file) || file.startsWith(path.resolve('src/test') + path.sep)) return {};
    const from = featureOf(file);
    const inShared = SHARED_DIRS.some((dir) => file.startsWith(dir + path.sep));
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      const targetFeature = featureOf(target);
      if (!targetFeature || targetFeature === from) return;
      if (inShared) {
        context.report({ node: node.source, messageId: 'sharedIntoFeature', data: { source } });
      } else if (from !== undefined && path.relative(path.join(FEATURES_DIR, targetFeature), target) !== 'index.ts') {
        context.report({ node: node.source, messageId: 'intoFeature', data: { source, target: targetFeature } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'public/js', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { bridges: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      'bridges/feature-boundaries': 'error',
    },
  },
);
