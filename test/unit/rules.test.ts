import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import { fixtureKnowledge, offsetOf } from '../helpers';

function findingsOf(text: string, uri = 'file:///spec.md') {
  return analyzeDocument({ uri, text }, fixtureKnowledge()).findings.map((f) => ({
    rule: f.ruleId,
    severity: f.severity,
    text: text.slice(f.start, f.end),
    start: f.start,
    message: f.message,
    replacement: f.fix?.replacement,
  }));
}

describe('rule term/variant', () => {
  it('reports a full-width spelling at its exact range with the canonical form', () => {
    const text = '本システムはＩＳＭＡＰ登録済みのサービスを使う。';
    assert.deepEqual(findingsOf(text), [
      {
        rule: 'term/variant',
        severity: 'information',
        text: 'ＩＳＭＡＰ',
        start: 6,
        message: '表記ゆれ: 「ＩＳＭＡＰ」は「ISMAP」と表記します (non-canonical spelling of "ISMAP")',
        replacement: 'ISMAP',
      },
    ]);
  });

  it('reports short forms and listed variants, not canonical spellings or canonical aliases', () => {
    const text = 'ガバクラとISMAP LIUとISMAP-LIUとGovernment Cloudとガバメントクラウド。';
    assert.deepEqual(
      findingsOf(text).map((f) => [f.text, f.start, f.replacement]),
      [
        ['ガバクラ', 0, 'ガバメントクラウド'],
        ['ISMAP LIU', 5, 'ISMAP-LIU'],
      ],
    );
  });

  it('suggests the canonical alias itself for a full-width canonical alias', () => {
    assert.deepEqual(findingsOf('ＮＩＳＣ').map((f) => [f.rule, f.replacement]), [
      ['term/deprecated', '国家サイバー統括室'],
      ['term/variant', 'NISC'],
    ]);
  });

  it('stays quiet in code blocks, code spans, URLs and comments', () => {
    const text = '```\nガバクラ\n```\n\n`ＩＳＭＡＰ` https://example.go.jp/ガバクラ <!-- 政府共通ネットワーク -->\n';
    assert.deepEqual(findingsOf(text), []);
  });

  it('reports in YAML values but not in YAML comments', () => {
    const text = 'platform: ガバクラ # ガバクラ\n';
    assert.deepEqual(findingsOf(text, 'file:///profile.yaml').map((f) => [f.text, f.start]), [['ガバクラ', 10]]);
  });
});

describe('rule term/deprecated', () => {
  it('reports a superseded term with its successor and date', () => {
    const text = '職員端末は政府共通ネットワークに接続する。';
    assert.deepEqual(findingsOf(text), [
      {
        rule: 'term/deprecated',
        severity: 'warning',
        text: '政府共通ネットワーク',
        start: 5,
        message: '旧名称: 「政府共通ネットワーク」の後継は「GSS」です（2023年） (superseded by "GSS" (Government Solution Service), 2023)',
        replacement: 'GSS',
      },
    ]);
  });

  it('uses the severity the entry gives (NISC → information)', () => {
    const text = '所管はNISCである。';
    const [finding] = findingsOf(text);
    assert.equal(finding.severity, 'information');
    assert.equal(finding.start, offsetOf(text, 'NISC'));
    assert.equal(finding.message, '旧名称: 「NISC」の後継は「国家サイバー統括室」です（2025年7月1日） (superseded by "国家サイバー統括室" (National Cybersecurity Office), 2025-07-01)');
  });
});
