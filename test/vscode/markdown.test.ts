/**
 * test/fixtures/workspace/spec.md in the real editor: hover cards, diagnostics and the quick fix, at exact
 * UTF-16 positions (line 7 has 𠮷 and 🏢, two code units each, before ガバクラ).
 *
 *   4: 本調達では、ガバクラ上に業務システムを構築する。          ガバクラ at 6..10
 *   5: 利用するクラウドは ISMAP の登録簿に掲載されたものとする。    ISMAP at 10..15
 *   6: 旧来の政府共通ネットワークとは接続しない。                  政府共通ネットワーク at 3..13
 *   7: 𠮷田町の分庁舎🏢からもガバクラを利用する。                  ガバクラ at 13..17 (11..15 in code points)
 *   9: 本書の記載内容に関する質問は、担当窓口で受け付ける。          plain prose
 *  12: ISMAP ガバクラ                                             inside a ```text fence
 */

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  VARIANT_MESSAGE_EN,
  activateExtension,
  codeHref,
  codeOf,
  describeDiagnostic,
  findDiagnostic,
  fixtureUri,
  formatRange,
  govsecDiagnostics,
  govsecHover,
  govsecHovers,
  openFixture,
  range,
  supersededEntry,
  waitForDiagnostics,
  waitForFix,
  GOV_CLOUD_CARD,
  SOURCES_SECTION,
} from './helpers';

const GABAKURA_LINE4 = range(4, 6, 10);
const ISMAP_LINE5 = range(5, 10, 15);
const GOV_COMMON_NETWORK = range(6, 3, 13);
const GABAKURA_LINE7 = range(7, 13, 17);
const PROSE_LINE = 9;
const CODE_BLOCK = new vscode.Range(11, 0, 13, 3);

suite('spec.md (Markdown)', () => {
  const uri = fixtureUri('spec.md');
  let document: vscode.TextDocument;
  let diagnostics: vscode.Diagnostic[];

  suiteSetup(async () => {
    document = await openFixture('spec.md');
    await activateExtension();
    diagnostics = await waitForDiagnostics(
      uri,
      (found) => found.some((d) => codeOf(d) === 'term/deprecated') && found.filter((d) => codeOf(d) === 'term/variant').length >= 2,
    );
  });

  test('the fixture text is where the tests expect it', () => {
    assert.equal(document.languageId, 'markdown');
    assert.equal(document.getText(GABAKURA_LINE4), 'ガバクラ');
    assert.equal(document.getText(ISMAP_LINE5), 'ISMAP');
    assert.equal(document.getText(GOV_COMMON_NETWORK), '政府共通ネットワーク');
    assert.equal(document.getText(GABAKURA_LINE7), 'ガバクラ');
    assert.equal(document.lineAt(12).text, 'ISMAP ガバクラ');
    assert.ok(document.lineAt(11).text.startsWith('```'));
  });

  test('hover on ガバクラ shows the ガバメントクラウド card over the whole word', async () => {
    for (const character of [6, 8, 9]) {
      const { text, range: hoverRange } = await govsecHover(uri, new vscode.Position(4, character));
      assert.ok(text.includes('ガバメントクラウド'), text);
      assert.match(text, SOURCES_SECTION);
      assert.match(text, GOV_CLOUD_CARD);
      assert.match(text, /「ガバクラ」|"ガバクラ"/, 'the card names the variant that was hovered');
      assert.ok(hoverRange?.isEqual(GABAKURA_LINE4), `hover range ${String(hoverRange && formatRange(hoverRange))}`);
    }
  });

  test('hover on ISMAP shows the ISMAP card', async () => {
    const { text, range: hoverRange } = await govsecHover(uri, new vscode.Position(5, 12));
    assert.match(text, /^\*\*ISMAP\*\*（|^\*\*[^*]+\*\* · ISMAP \(/);
    assert.match(text, SOURCES_SECTION);
    assert.ok(hoverRange?.isEqual(ISMAP_LINE5), `hover range ${String(hoverRange && formatRange(hoverRange))}`);
  });

  test('hover after a surrogate pair and an emoji uses UTF-16 positions', async () => {
    // First and last code unit of ガバクラ; a server counting code points would be off by two.
    for (const character of [13, 16]) {
      const { text, range: hoverRange } = await govsecHover(uri, new vscode.Position(7, character));
      assert.match(text, GOV_CLOUD_CARD);
      assert.ok(hoverRange?.isEqual(GABAKURA_LINE7), `hover range ${String(hoverRange && formatRange(hoverRange))}`);
    }
    // Just before and just after the word: no card.
    assert.equal((await govsecHovers(uri, new vscode.Position(7, 12))).length, 0, 'hover on も');
    assert.equal((await govsecHovers(uri, new vscode.Position(7, 17))).length, 0, 'hover on を');
  });

  test('no govsec hover on plain prose or inside the fenced code block', async () => {
    for (const character of [0, 5, 11, 14, 20]) {
      assert.equal((await govsecHovers(uri, new vscode.Position(PROSE_LINE, character))).length, 0, `prose at ${PROSE_LINE}:${character}`);
    }
    for (const character of [0, 2, 6, 8]) {
      assert.equal((await govsecHovers(uri, new vscode.Position(12, character))).length, 0, `code block at 12:${character}`);
    }
  });

  test('term/variant diagnostics on both ガバクラ, with exact ranges, severity, message and rule link', () => {
    for (const expected of [GABAKURA_LINE4, GABAKURA_LINE7]) {
      const diagnostic = findDiagnostic(diagnostics, 'term/variant', expected);
      assert.equal(diagnostic.source, 'govsec');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
      // The English run (test/vscode/index.ts): the editor's locale is en.
      assert.equal(diagnostic.message, VARIANT_MESSAGE_EN);
      assert.match(codeHref(diagnostic) ?? '', /\/docs\/rules\/term\/variant\.md$/);
    }
  });

  test('term/deprecated on 政府共通ネットワーク names its successor (GSS)', () => {
    const diagnostic = findDiagnostic(diagnostics, 'term/deprecated', GOV_COMMON_NETWORK);
    assert.equal(diagnostic.source, 'govsec');
    // Warning by default, but a glossary entry may lower it (status.severity); the successor's name also comes
    // from the glossary (the fixture calls it GSS, the real glossary ガバメントソリューションサービス).
    const expected = supersededEntry('政府共通ネットワーク');
    assert.equal(expected.successorId, 'gss');
    assert.equal(
      diagnostic.severity,
      expected.severity,
      `severity ${vscode.DiagnosticSeverity[diagnostic.severity]}, expected ${vscode.DiagnosticSeverity[expected.severity]}`,
    );
    assert.ok(diagnostic.message.startsWith('Superseded name: "政府共通ネットワーク" is now'), diagnostic.message);
    assert.ok(diagnostic.message.includes(`"${expected.successor}"`), diagnostic.message);
    assert.match(codeHref(diagnostic) ?? '', /\/docs\/rules\/term\/deprecated\.md$/);
  });

  test('no diagnostics on ISMAP (canonical), on prose, or inside the code block', () => {
    const current = govsecDiagnostics(uri);
    const offending = current.filter(
      (d) => d.range.intersection(ISMAP_LINE5) || d.range.start.line === PROSE_LINE || CODE_BLOCK.contains(d.range),
    );
    assert.deepEqual(offending.map(describeDiagnostic), []);
  });

  test('the quick fix on ガバクラ replaces it with ガバメントクラウド', async () => {
    for (const target of [GABAKURA_LINE4, GABAKURA_LINE7]) {
      const { fix } = await waitForFix(uri, target, 'ガバメントクラウド');
      assert.ok(fix.title.includes('ガバメントクラウド'), fix.title);
      assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind?.value}`);
      assert.equal(fix.isPreferred, true);
      const edits = fix.edit!.get(uri);
      assert.equal(edits.length, 1, `edits: ${JSON.stringify(edits)}`);
      assert.ok(edits[0].range.isEqual(target), `edit range ${formatRange(edits[0].range)}`);
      assert.equal(edits[0].newText, 'ガバメントクラウド');
    }
    // Only computed, never applied: the fixture stays clean.
    assert.equal(document.isDirty, false);
  });
});
