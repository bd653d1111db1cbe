// Parses every ```mermaid block of the given Markdown files with Mermaid's own parser.
// Prints `OK file (N blocks)` or `FAIL file: block K: message`; exits 1 on any failure.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

// Mermaid sanitizes with DOMPurify, which needs a DOM even to parse.
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');

let failed = false;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const blocks = [...text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  let ok = true;
  for (const [i, block] of blocks.entries()) {
    try {
      const result = await mermaid.parse(block);
      if (!result) throw new Error('not recognised as a diagram');
    } catch (e) {
      console.log(`FAIL ${file}: block ${i + 1}: ${String(e.message).split('\n').slice(0, 3).join(' / ')}`);
      ok = false;
    }
  }
  if (ok) console.log(`OK ${file} (${blocks.length} block${blocks.length === 1 ? '' : 's'})`);
  failed ||= !ok;
}
process.exit(failed ? 1 : 0);
