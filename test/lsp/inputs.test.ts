import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../../server/src/analysis';
import { NOT_CHECKED_CODE } from '../../server/src/lsp/handlers';
import { USER_DATA_PROBLEM_CODE } from '../../server/src/lsp/govsecServer';
import { checkRange } from '../fuzz/generators';
import { bundledKnowledge, repoRoot } from '../helpers';
import { InProcessServer } from './inProcessServer';

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
].join('\n');
const DEEP_FLOW = `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;

/** Awkward documents; in each, ガバクラ (term/variant) is found at the given line and UTF-16 character. */
const AWKWARD: [name: string, languageId: string, text: string, line: number, character: number][] = [
  ['CRLF', 'markdown', '# 仕様\r\n\r\n𠮷ガバクラを使う。\r\n', 2, 2],
  ['CR only', 'markdown', '# 仕様\r\r𠮷ガバクラを使う。\r', 2, 2],
  ['mixed line ends', 'markdown', '# 仕様\r\n\n\r𠮷ガバクラを使う。\n', 3, 2],
  ['NUL characters', 'markdown', '# 仕様\u0000\n\u0000ガバクラ\u0000を使う。\n', 1, 1],
  ['lone surrogates', 'markdown', '# \ud800仕様\n\udc00ガバクラ\ud800を使う。\n', 1, 1],
  // A line indented by a tab is indented code (CommonMark): tabs inside the line instead.
  ['tabs', 'markdown', '#\t仕様\n\n- \tガバクラ\tを\t使う。\n', 2, 3],
  ['BOM kept in the text', 'markdown', '\ufeff# 仕様\nガバクラ\n', 1, 0],
  ['YAML with tabs and CRLF', 'yaml', 'system:\r\n  platform: "\tガバクラ"\r\n', 1, 14],
  ['YAML aliases (billion laughs)', 'yaml', `${BILLION_LAUGHS}\nsystem: ガバクラ\n`, 7, 8],
];

describe('inputs of every kind, over LSP and the engine API', () => {
  let server: InProcessServer;

  before(async () => {
    server = new InProcessServer();
    await server.initialize({ locale: 'en' });
  });

  after(() => server.dispose());

  for (const [name, languageId, text, line, character] of AWKWARD) {
    it(`${name}: the finding at its exact position, every position inside the document`, async () => {
      const uri = `untitled:${name.replace(/\W+/g, '-')}.${languageId === 'yaml' ? 'yaml' : 'md'}`;
      await server.open(uri, languageId, text);
      const published = await server.diagnostics(uri);
      const variant = published.diagnostics.find((d) => d.code === 'term/variant');
      assert.ok(variant, JSON.stringify(published.diagnostics));
      assert.deepEqual(variant.range.start, { line, character });
      assert.equal(variant.range.end.character - variant.range.start.character, 4);
      const document = TextDocument.create(uri, languageId, 1, text);
      for (const diagnostic of published.diagnostics) {
        const [start, end] = [document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end)];
        // offsetAt clamps: a position outside the document would not survive the round trip.
        assert.deepEqual(document.positionAt(start), diagnostic.range.start);
        assert.deepEqual(document.positionAt(end), diagnostic.range.end);
        checkRange(text, start, end, diagnostic.code);
        assert.equal(diagnostic.message, diagnostic.message.toWellFormed());
      }
      const engine = analyzeDocument({ uri, languageId, text }, bundledKnowledge());
      engine.findings.forEach((finding) => checkRange(text, finding.start, finding.end, finding.ruleId));
      engine.mentions.forEach((mention) => checkRange(text, mention.start, mention.end, mention.kind));
    });
  }

  it('YAML nested too deeply is refused with a clear diagnostic, and the server keeps answering', async () => {
    const uri = 'untitled:deep.yaml';
    await server.open(uri, 'yaml', DEEP_FLOW);
    const published = await server.diagnostics(uri);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.severity, d.message, d.range]),
      [[NOT_CHECKED_CODE, 2, 'govsec could not check this document (nested too deeply to read); nothing in it was checked', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]],
    );
    assert.ok(server.log.some((line) => line === `govsec: ${uri}: govsec could not check this document (nested too deeply to read); nothing in it was checked`));
    assert.equal(await server.hover(uri, 0, 5), null);
    await server.open('untitled:after-deep.md', 'markdown', 'ガバクラ\n');
    assert.ok((await server.hover('untitled:after-deep.md', 0, 1))?.contents.value.startsWith('**Government Cloud \\(Japan\\)** · ガバメントクラウド'));
  });
});

describe('hostile user data files', () => {
  let folder: string;
  let server: InProcessServer;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-hostile-data-'));
    fs.writeFileSync(path.join(folder, '.govsec.yaml'), `${BILLION_LAUGHS}\nrules: {}\n`);
    fs.writeFileSync(path.join(folder, 'spec.md'), 'ガバクラ\n');
    server = new InProcessServer();
  });

  after(() => {
    server.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('a .govsec.yaml with an alias bomb is a problem at the first alias, not a crash', async () => {
    await server.initialize({ folders: [pathToFileURL(folder).href] });
    const spec = pathToFileURL(path.join(folder, 'spec.md')).href;
    await server.open(spec, 'markdown', 'ガバクラ\n');
    assert.deepEqual((await server.diagnostics(spec)).diagnostics.map((d) => d.code), ['term/variant']);
    const config = await server.diagnostics(pathToFileURL(path.join(folder, '.govsec.yaml')).href);
    assert.deepEqual(
      config.diagnostics.map((d) => [d.code, d.range.start, d.message]),
      [[USER_DATA_PROBLEM_CODE, { line: 1, character: 7 }, 'YAML: Excessive alias count indicates a resource exhaustion attack (the last good version stays in force)']],
    );
  });

  it('govsec check reports a file nested too deeply and still checks the others (exit 2)', () => {
    fs.writeFileSync(path.join(folder, 'deep.yaml'), DEEP_FLOW);
    fs.writeFileSync(path.join(folder, '.govsec.yaml'), 'rules: {}\n');
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'govsec.js'), 'check', '.'], { cwd: folder, encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'govsec: deep.yaml: govsec could not check this document (nested too deeply to read); nothing in it was checked\n');
    assert.match(result.stdout, /^spec\.md:1:1 information term\/variant /);
  });
});
