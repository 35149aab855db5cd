// Bundles the extension, the language server, the CLI, each webview and the in-editor test suite
// with esbuild. `--watch` rebuilds on change; `--dev` keeps source maps and skips minifying.
import { readFileSync, rmSync } from 'node:fs';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const dev = watch || process.argv.includes('--dev');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  logLevel: 'warning',
  define: { MLGUIDE_VERSION: JSON.stringify(version) },
};

const builds = [
  { ...node, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...node, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { cli: 'server/src/cliMain.ts' }, outdir: 'dist' },
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: !dev,
    sourcemap: dev ? 'linked' : false,
    logLevel: 'warning',
    entryPoints: {
      profile: 'webviews/profile/main.ts',
      checklist: 'webviews/checklist/main.ts',
      analysis: 'webviews/analysis/main.ts',
    },
    outdir: 'dist/webviews',
  },
  // Test code: never packaged (see .vscodeignore); `vscode` and `mocha` come from the host.
  {
    ...node,
    minify: false,
    sourcemap: 'inline',
    entryPoints: {
      'host/suite/index': 'test/host/suite/index.ts',
      'host/suite/extension.suite': 'test/host/suite/extension.suite.ts',
      'host/suite/checklist.suite': 'test/host/suite/checklist.suite.ts',
      'host/suite/analysis.suite': 'test/host/suite/analysis.suite.ts',
      'host/runElectron': 'test/host/runElectron.ts',
    },
    outdir: 'out/test',
    external: ['vscode', 'mocha', '@vscode/test-electron'],
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching for changes');
} else {
  // A fresh dist/: nothing from an earlier (dev) build ends up in the .vsix.
  rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
