import * as assert from 'node:assert/strict';
import { parseYamlDocument } from '../../server/src/document/yaml';

function segmentsOf(text: string) {
  return parseYamlDocument(text).segments.map((s) => `${s.kind}@${s.start}:${text.slice(s.start, s.end)}`);
}

describe('YAML document model', () => {
  it('gives keys and scalar values at their exact ranges and skips comments', () => {
    const text = 'platform: ガバクラ # ISMAP\nlist:\n  - "GSS"\n';
    assert.deepEqual(segmentsOf(text), ['yaml-key@0:platform', 'yaml-value@10:ガバクラ', 'yaml-key@23:list', 'yaml-value@33:"GSS"']);
  });

  it('scans block scalars without their header line', () => {
    const text = 'notes: | # 備考 ISMAP\n  政府共通ネットワーク\n  二行目\n';
    assert.deepEqual(segmentsOf(text), ['yaml-key@0:notes', 'yaml-value@20:  政府共通ネットワーク\n  二行目\n']);
  });

  it('leaves URLs in values out of the segments but keeps whole scalars for structured reads', () => {
    const text = 'site: https://www.example.go.jp/ の ISMAP\n';
    assert.deepEqual(segmentsOf(text), ['yaml-key@0:site', 'yaml-value@32: の ISMAP']);
    const scalars = parseYamlDocument(text).scalars.map((s) => text.slice(s.start, s.end));
    assert.deepEqual(scalars, ['site', 'https://www.example.go.jp/ の ISMAP']);
  });

  it('ends a URL in a value at Japanese text written right after it', () => {
    const text = 'site: https://www.example.jp/を新サイトとする\n';
    assert.deepEqual(segmentsOf(text), ['yaml-key@0:site', 'yaml-value@29:を新サイトとする']);
  });

  it('reads every document of a multi-document file and tolerates errors', () => {
    const text = 'a: ISMAP\n---\nb: [GSS\n';
    const model = parseYamlDocument(text);
    assert.equal(model.yaml.length, 2);
    assert.ok(model.segments.some((s) => text.slice(s.start, s.end) === 'ISMAP'));
  });
});
