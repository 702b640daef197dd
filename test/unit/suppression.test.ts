import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import { fixAllAction, suppressionAction } from '../../server/src/features/codeActions';
import { fixtureKnowledge } from '../helpers';

function findings(text: string, uri = 'file:///spec.md') {
  return analyzeDocument({ uri, text }, fixtureKnowledge()).findings.map((f) => `${f.ruleId}@${text.slice(0, f.start).split('\n').length}:${text.slice(f.start, f.end)}`);
}

/** Applies offset edits (non-overlapping) to a text. */
function apply(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

describe('suppression comments', () => {
  it('disable-next-line silences the named rule on the next line only', () => {
    const text = '<!-- govsec-disable-next-line term/variant -->\nガバクラと政府共通ネットワーク\nガバクラ\n';
    assert.deepEqual(findings(text), ['term/deprecated@2:政府共通ネットワーク', 'term/variant@3:ガバクラ']);
  });

  it('disable-line silences the rule on its own line; several rules and wildcards', () => {
    const text = 'ガバクラと政府共通ネットワーク <!-- govsec-disable-line term/variant, term/deprecated -->\nイスマップ <!-- govsec-disable-line term/* -->\nイスマップ\n';
    assert.deepEqual(findings(text), ['term/variant@3:イスマップ']);
  });

  it('disable … enable covers a range; without rule ids it covers every rule', () => {
    const text = 'ガバクラ\n<!-- govsec-disable -->\nガバクラ\n政府共通ネットワーク\n<!-- govsec-enable -->\nガバクラ\n';
    assert.deepEqual(findings(text), ['term/variant@1:ガバクラ', 'term/variant@6:ガバクラ']);
  });

  it('ignores directives inside code blocks and inline code', () => {
    const text = '```\n<!-- govsec-disable -->\n```\n`<!-- govsec-disable-next-line -->`\nガバクラ\n';
    assert.deepEqual(findings(text), ['term/variant@5:ガバクラ']);
  });

  it('reads YAML comments, not a # inside a string', () => {
    const text = '# govsec-disable-next-line term/variant\na: ガバクラ\nb: "# govsec-disable-next-line"\nc: ガバクラ\n';
    assert.deepEqual(findings(text, 'file:///p.yaml'), ['term/variant@4:ガバクラ']);
  });

  it('the suppression quick fix inserts a directive that silences exactly that finding', () => {
    const cases: [string, string, string][] = [
      ['file:///a.md', '本文\n- ガバクラを使う\n', '本文\n<!-- govsec-disable-next-line term/variant -->\n- ガバクラを使う\n'],
      ['file:///a.md', '> ガバクラを使う\n', '> <!-- govsec-disable-next-line term/variant -->\n> ガバクラを使う\n'],
      ['file:///a.md', '| 項目 | 値 |\n|---|---|\n| a | ガバクラ |\n', '| 項目 | 値 |\n|---|---|\n| a | ガバクラ | <!-- govsec-disable-line term/variant -->\n'],
      ['file:///a.yaml', 'x:\n  y: ガバクラ\n', 'x:\n  # govsec-disable-next-line term/variant\n  y: ガバクラ\n'],
    ];
    for (const [uri, text, expected] of cases) {
      const analysis = analyzeDocument({ uri, text }, fixtureKnowledge());
      const [finding] = analysis.findings;
      const fixed = apply(text, suppressionAction(analysis.model, finding.ruleId, finding.start).edits);
      assert.equal(fixed, expected);
      assert.deepEqual(analyzeDocument({ uri, text: fixed }, fixtureKnowledge()).findings, [], uri + text);
    }
  });

  it('fix all applies every fix, and the result checks clean', () => {
    const text = 'イスマップとガバクラ、政府共通ネットワーク。\n';
    const analysis = analyzeDocument({ uri: 'file:///a.md', text }, fixtureKnowledge());
    const action = fixAllAction(analysis)!;
    assert.deepEqual(action.title, { ja: 'govsec: 3件をすべて修正する', en: 'govsec: Fix all 3 problems' });
    const fixed = apply(text, action.edits);
    assert.equal(fixed, 'ISMAPとガバメントクラウド、GSS。\n');
    assert.deepEqual(analyzeDocument({ uri: 'file:///a.md', text: fixed }, fixtureKnowledge()).findings, []);
  });
});
