/**
 * Document links, go to definition, the spec-summary CodeLens and the outline, through VS Code's API commands
 * (which merge every provider: the built-in Markdown extension answers for links and symbols too, so govsec's
 * results are picked out by what only govsec produces).
 *
 *   procurement-spec.md  15: 本システムはガバメントクラウド上に構築し、…   ガバメントクラウド at 6..15
 *   clean-spec.md        24: …ISO/IEC 27001:2022 の A.5.15 及び ISMAP管理策 9.2.1 に準拠する。
 *                        25: - NIST SP 800-53 の AC-2(1) を参考に、…
 *                        36: <!-- 参考: https://www.ismap.go.jp/ -->
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeUntitled,
  codeOf,
  extensionRoot,
  fixtureUri,
  formatRange,
  openFixture,
  openUntitled,
  range,
  waitFor,
  waitForDiagnostics,
  waitForSummaryLenses,
  FRONT_MATTER,
} from './helpers';

const GOV_CLOUD_LINE15 = range(15, 6, 15);

function targetOf(result: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range; origin?: vscode.Range } {
  return 'targetUri' in result
    ? { uri: result.targetUri, range: result.targetSelectionRange ?? result.targetRange, origin: result.originSelectionRange }
    : { uri: result.uri, range: result.range };
}

suite('navigation: links, definition, CodeLens, outline', () => {
  const spec = fixtureUri('procurement-spec.md');
  const clean = fixtureUri('clean-spec.md');

  suiteSetup(async () => {
    await openFixture('clean-spec.md');
    const document = await openFixture('procurement-spec.md');
    await activateExtension();
    await waitForDiagnostics(spec);
    assert.equal(document.getText(GOV_CLOUD_LINE15), 'ガバメントクラウド');
  });

  test('one spec-summary CodeLens on line 0 of the procurement spec, with command govsec.showSummary', async () => {
    const lenses = await waitForSummaryLenses(spec);
    assert.equal(lenses.length, 1, lenses.map((lens) => lens.command?.title).join('\n'));
    const [lens] = lenses;
    assert.equal(lens.range.start.line, 0);
    assert.equal(lens.range.end.line, 0);
    assert.equal(lens.command!.command, 'govsec.showSummary');
    assert.deepEqual(lens.command!.arguments, [spec.toString()]);
    const title = lens.command!.title;
    // In the language the server speaks (the editor's locale or govsec.language).
    assert.match(title, /^ISMAP: (\d+ services? on the list, \d+ not found \(list as of \d{4}-\d{2}-\d{2}|掲載\d+件・見当たらない\d+件（リスト \d{4}-\d{2}-\d{2}時点)/, title);
    assert.match(title, /(ガバメントクラウド|Government Cloud): AWS/, title);
    assert.match(title, /· (findings: 13|指摘: 13件)$/, title);
    assert.ok((await vscode.commands.getCommands(true)).includes('govsec.showSummary'), 'govsec.showSummary is not registered');
  });

  test('no CodeLens on a document that is not a procurement spec', async () => {
    // Not procurement: no doctype, no 調達仕様書 title, no system on ガバメントクラウド (spec.md's title is a 調達仕様書).
    const { document } = await openUntitled('markdown', '# メモ\n\n移行先の候補にガバクラがある。\n');
    try {
      // The diagnostic says the server has analysed this version.
      await waitForDiagnostics(document.uri, (found) => found.some((d) => codeOf(d) === 'term/variant'));
      const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
      assert.deepEqual(all.filter((lens) => lens.command?.command === 'govsec.showSummary').map((lens) => lens.command?.title), []);
    } finally {
      await closeUntitled(document);
    }
  });

  test('document links: control IDs to their official pages, the source URL in a comment', async () => {
    const expected: [vscode.Range, string][] = [
      [range(24, 33, 39), 'https://www.iso.org/standard/27001'],
      [range(24, 52, 57), 'https://www.ismap.go.jp/csm?id=kb_article_view&sysparm_article=KB0010028&sys_kb_id=757ef62ac3755250076ededb05013195&spa=1'],
      [range(25, 19, 26), 'https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final'],
      [range(36, 9, 33), 'https://www.ismap.go.jp/'],
    ];
    let links: vscode.DocumentLink[] = [];
    const describe = () => links.map((link) => `${formatRange(link.range)} ${link.target?.toString(true) ?? '(unresolved)'}`).join('\n');
    await waitFor('govsec document links', async () => {
      links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', clean, 10)) ?? [];
      return links.some((link) => link.range.isEqual(expected[0][0]));
    }, 10_000).catch((error: Error) => {
      throw new Error(`${error.message}; links:\n${describe()}`);
    });
    const document = await vscode.workspace.openTextDocument(clean);
    for (const [where, target] of expected) {
      const link = links.find((candidate) => candidate.range.isEqual(where));
      assert.ok(link, `no link at ${formatRange(where)} (${document.getText(where)}); links:\n${describe()}`);
      assert.equal(link.target?.toString(true), vscode.Uri.parse(target).toString(true), `link on ${document.getText(where)}`);
    }
    assert.deepEqual(
      [24, 25].map((line) => expected.filter(([where]) => where.start.line === line).map(([where]) => document.getText(where))),
      [['A.5.15', '9.2.1'], ['AC-2(1)']],
    );
  });

  test('go to definition on ガバメントクラウド opens its entry in glossary/terms/gov-cloud.yaml', async () => {
    for (const character of [6, 10, 14]) {
      const results =
        (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
          'vscode.executeDefinitionProvider',
          spec,
          new vscode.Position(15, character),
        )) ?? [];
      assert.equal(results.length, 1, `definitions at 15:${character}: ${JSON.stringify(results)}`);
      const target = targetOf(results[0]);
      const file = path.join(extensionRoot(), 'glossary', 'terms', 'gov-cloud.yaml');
      assert.equal(target.uri.fsPath, file);
      assert.ok(target.origin?.isEqual(GOV_CLOUD_LINE15), `origin ${String(target.origin && formatRange(target.origin))}`);
      // The entry's first key, and its term is ガバメントクラウド.
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      assert.equal(lines[target.range.start.line].trim(), '- id: gov-cloud');
      assert.equal(lines[target.range.start.line + 1].trim(), 'term: ガバメントクラウド');
    }
    const none = await vscode.commands.executeCommand<unknown[]>('vscode.executeDefinitionProvider', spec, new vscode.Position(15, 2));
    assert.deepEqual(none ?? [], [], 'definition on plain prose (システム)');
  });

  test('document symbols: front matter keys and the heading tree', async () => {
    let symbols: vscode.DocumentSymbol[] = [];
    await waitFor('govsec document symbols', async () => {
      symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', spec)) ?? [];
      return symbols.some((symbol) => FRONT_MATTER.includes(symbol.name));
    }, 10_000);
    const frontMatter = symbols.find((symbol) => FRONT_MATTER.includes(symbol.name))!;
    assert.equal(frontMatter.kind, vscode.SymbolKind.String);
    assert.ok(frontMatter.range.isEqual(new vscode.Range(0, 0, 6, 3)), formatRange(frontMatter.range));
    assert.deepEqual(
      frontMatter.children.map((child) => [child.name, child.detail, child.kind]),
      [
        ['title', '〇〇省 申請受付システム 調達仕様書（サンプル）', vscode.SymbolKind.Key],
        ['doctype', 'gov-procurement-spec', vscode.SymbolKind.Key],
        ['issuer', '〇〇省', vscode.SymbolKind.Key],
        ['sector', 'national', vscode.SymbolKind.Key],
        ['date', '2026-10-01', vscode.SymbolKind.Key],
      ],
    );
    // govsec names headings without their # (the built-in Markdown outline, merged in, keeps them).
    const title = symbols.find((symbol) => symbol.name === '〇〇省 申請受付システム 調達仕様書（サンプル）');
    assert.ok(title, `symbols: ${symbols.map((symbol) => symbol.name).join(' | ')}`);
    assert.equal(title.kind, vscode.SymbolKind.String);
    assert.ok(title.selectionRange.isEqual(range(8, 2, 26)), formatRange(title.selectionRange));
    assert.deepEqual(title.children.map((child) => [child.name, child.range.start.line]), [
      ['1. 調達の概要', 12],
      ['2. ネットワーク', 20],
      ['3. セキュリティ要件', 24],
      ['4. 個人情報の取扱い', 32],
      ['5. 公開ウェブサイト', 37],
    ]);
  });
});
