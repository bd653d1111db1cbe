// Parses every ```mermaid block of the given Markdown files with Mermaid's own parser, and checks
// that a gantt chart holds every section and task written in it.
// Prints `OK file (N blocks)` or `FAIL file: block K: message`; exits 1 on any failure.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

// Mermaid sanitizes with DOMPurify, which needs a DOM even to parse.
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');

// A gantt chart that parses may still have lost tasks to a keyword ("accDescr{" swallows the
// lines up to the next '}', "section" in a name opens a section): every line boussole wrote as
// "    section NAME" or "    NAME :DATA" must come out as that section or that task, in order.
function checkGantt(block, diagram) {
  const expected = [];
  let section = '';
  for (const line of block.split('\n').slice(1)) {
    const s = /^ {4}section (.*)$/.exec(line);
    if (s) section = s[1];
    else if (/^ {4}\S.* :\S/.test(line)) expected.push([section, line.slice(4, line.lastIndexOf(' :'))]);
  }
  const got = diagram.db.getTasks().map((t) => [t.section, t.task.trim()]);
  const show = (l) => l.map(([s, t]) => `${s} / ${t}`).join(' | ');
  if (show(got) !== show(expected))
    throw new Error(`tasks lost or moved: expected ${show(expected)}; got ${show(got)}`);
}

let failed = false;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const blocks = [...text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  let ok = true;
  for (const [i, block] of blocks.entries()) {
    try {
      const result = await mermaid.parse(block);
      if (!result) throw new Error('not recognised as a diagram');
      if (result.diagramType === 'gantt') checkGantt(block, await mermaid.mermaidAPI.getDiagramFromText(block));
    } catch (e) {
      console.log(`FAIL ${file}: block ${i + 1}: ${String(e.message).split('\n').slice(0, 3).join(' / ')}`);
      ok = false;
    }
  }
  if (ok) console.log(`OK ${file} (${blocks.length} block${blocks.length === 1 ? '' : 's'})`);
  failed ||= !ok;
}
process.exit(failed ? 1 : 0);
