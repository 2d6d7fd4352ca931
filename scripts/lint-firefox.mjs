// `npm run lint:firefox`: builds the Firefox package and runs Mozilla's
// linter (web-ext lint, the checks addons.mozilla.org runs) on it. Fails on
// any error, and on any warning that is not one of the explained ones below
// (README.md, "Firefox"). Part of `npm test`.
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.env.EMPREINTE_WXT_OUT ?? '.output';

/** Warnings we accept, each with the reason a reviewer would ask for. */
export const explainedWarnings = {
  UNSAFE_VAR_ASSIGNMENT:
    "lit's own template preparation (`template.innerHTML = strings`): it assigns the component's static " +
    'template, written in this repository; page data reaches the DOM only through escaped bindings.',
};

const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) {
  process.stderr.write(build.stdout + build.stderr);
  process.exit(1);
}
const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', join(outDir, 'firefox-mv3'), '--output', 'json'], {
  cwd: root,
  encoding: 'utf8',
});
let result;
try {
  result = JSON.parse(lint.stdout);
} catch {
  process.stderr.write(`web-ext lint gave no JSON result:\n${lint.stdout}${lint.stderr}`);
  process.exit(1);
}
const unexplained = result.warnings.filter((warning) => !(warning.code in explainedWarnings));
for (const finding of [...result.errors, ...unexplained]) {
  process.stderr.write(`${finding._type} ${finding.code} ${finding.file ?? ''}:${finding.line ?? ''} ${finding.message}\n`);
}
const explained = result.warnings.length - unexplained.length;
process.stdout.write(
  `web-ext lint (Firefox): ${result.errors.length} errors, ${result.warnings.length} warnings (${explained} explained in README), ${result.notices.length} notices\n`,
);
process.exit(result.errors.length > 0 || unexplained.length > 0 ? 1 : 0);
