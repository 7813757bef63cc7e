// Every generated HTML file validates with html-validate (config: ../.htmlvalidate.mjs).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, formatterFactory } from 'html-validate';
import config from '../.htmlvalidate.mjs';
import { htmlFiles } from '../lib/site.mjs';

export function htmlValidateTests(site) {
  it(`html-validate: every HTML file of ${site.name}`, async () => {
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const files = htmlFiles(site.dir);
    assert.ok(files.length > 0, `no HTML files in ${site.dir}`);
    const results = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      if (!report.valid) {
        results.push(...report.results.map((r) => ({ ...r, filePath: path.relative(site.dir, r.filePath) })));
      }
    }
    assert.equal(results.length, 0, `html-validate errors in ${site.name}:\n${formatterFactory('text')(results)}`);
  });
}
