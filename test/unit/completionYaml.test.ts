import * as assert from 'node:assert/strict';
import { completionsAt } from '../../server/src/features/completion';
import { yamlPlaceAt, type YamlPlace } from '../../server/src/features/completionYamlPlace';
import { bundledKnowledge } from '../helpers';

const CURSOR = '‸';

function unmark(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  assert.notEqual(offset, -1, 'no cursor mark');
  return { text: marked.slice(0, offset) + marked.slice(offset + CURSOR.length), offset };
}

/** The place at ‸, in a plain form: the replaced text instead of offsets, key sets as sorted arrays. */
function placeOf(marked: string, floor = 0, ceilingFromEnd = 0): Record<string, unknown> {
  const { text, offset } = unmark(marked);
  return plain(yamlPlaceAt(text, floor, text.length - ceilingFromEnd, offset), text);
}

function plain(place: YamlPlace, text: string): Record<string, unknown> {
  switch (place.kind) {
    case 'key':
      return {
        kind: 'key',
        steps: place.steps,
        typed: place.typed,
        replaced: text.slice(place.start, place.end),
        hasColon: place.hasColon,
        ...(place.flow ? { flow: true } : {}),
        col: place.col,
        existing: [...place.existing].sort(),
      };
    case 'value':
      return {
        kind: 'value',
        steps: place.steps,
        typed: place.range.typed,
        replaced: text.slice(place.range.start, place.range.end),
        ...(place.range.lead ? { lead: place.range.lead } : {}),
        siblings: Object.fromEntries(place.siblings),
        ...(place.entry ? { entryCol: place.entry.col } : {}),
      };
    case 'comment':
      return { kind: 'comment', content: text.slice(place.contentStart, text.indexOf('\n', place.contentStart)) };
    case 'text':
      return { kind: 'text', line: text.slice(place.lineStart, text.indexOf('\n', place.lineStart)) };
    case 'none':
      return { kind: 'none' };
  }
}

const key = (steps: (string | 0)[], typed: string, replaced: string, col: number, existing: string[], hasColon = false) => ({ kind: 'key', steps, typed, replaced, hasColon, col, existing });
const value = (steps: (string | 0)[], typed: string, replaced: string, siblings: Record<string, string> = {}, extra: Record<string, unknown> = {}) => ({ kind: 'value', steps, typed, replaced, siblings, ...extra });

describe('YAML completion: where the cursor is', () => {
  const table: [string, string, Record<string, unknown>][] = [
    // Block mappings.
    ['an empty line in a mapping, keys above and below', 'cloud:\n  provider: AWS\n  ‸\n  service: EC2\nsaas:\n', key(['cloud'], '', '', 2, ['provider', 'service'])],
    ['a half-typed key above the keys of its mapping', 'cloud:\n  regi‸\n  provider: AWS\n', key(['cloud'], 'regi', 'regi', 2, ['provider'])],
    ['a key being edited before its colon', 'cloud:\n  regi‸on: x\n  provider: AWS\n', key(['cloud'], 'regi', 'region', 2, ['provider'], true)],
    ['a top-level key', 'doctype: system-profile\nsy‸\ncloud:\n  provider: AWS\n', key([], 'sy', 'sy', 0, ['cloud', 'doctype'])],
    ['the first word of a document', 'do‸', key([], 'do', 'do', 0, [])],
    ['an empty document', '‸', key([], '', '', 0, [])],
    ['a key under a key with an anchor', 'cloud: &main\n  re‸\n', key(['cloud'], 're', 're', 2, [])],
    ['after "key: " with nothing typed', 'cloud:\n  provider: AWS\n  region: ‸\n', value(['cloud', 'region'], '', '', { provider: 'AWS' })],
    ['a value half typed, the provider below', 'cloud:\n  region: ap-‸\n  provider: Microsoft Azure\n', value(['cloud', 'region'], 'ap-', 'ap-', { provider: 'Microsoft Azure' })],
    ['right after the colon', 'cloud:\n  provider:‸\n', value(['cloud', 'provider'], '', '', {}, { lead: ' ' })],
    ['inside a value: the rest of the token is replaced, not the comment', 'cloud:\n  provider: Microsoft Az‸ure  # note\n', value(['cloud', 'provider'], 'Microsoft Az', 'Microsoft Azure')],
    ['inside a quoted value', 'cloud:\n  provider: "Microsoft Az‸"\n', value(['cloud', 'provider'], 'Microsoft Az', 'Microsoft Az')],
    // Block sequences (of maps).
    ['a sequence entry with nothing typed', 'saas:\n  - name: Box\n  - ‸\n', value(['saas', 0], '', '', {}, { entryCol: 4 })],
    ['a sequence entry at its key\'s column, half typed', 'ismap_controls:\n- 9.2.‸\n', value(['ismap_controls', 0], '9.2.', '9.2.', {}, { entryCol: 2 })],
    ['right after "-"', 'saas:\n  -‸\n', value(['saas', 0], '', '', {}, { lead: ' ', entryCol: 4 })],
    ['a key of an entry\'s mapping', 'saas:\n  - name: Box\n    pu‸\n  - name: Slack\n    note: x\n', key(['saas', 0], 'pu', 'pu', 4, ['name'])],
    ['an empty line in the second entry', 'saas:\n  - name: Box\n    purpose: 契約\n  - name: Slack\n    ‸\n', key(['saas', 0], '', '', 4, ['name'])],
    ['the first key of an entry, on the "- " line', 'saas:\n  - na‸me: Box\n    purpose: 契約\n', key(['saas', 0], 'na', 'name', 4, ['purpose'], true)],
    ['a value in a sequence of maps', 'cloud:\n  provider: さくらのクラウド\n  regions:\n    - tk1a\n    - ‸\n', value(['cloud', 'regions', 0], '', '', { provider: 'さくらのクラウド' }, { entryCol: 6 })],
    ['a nested sequence', 'x:\n  - - a‸\n', value(['x', 0, 0], 'a', 'a', {}, { entryCol: 6 })],
    // Flow collections.
    ['an entry of a flow sequence', 'iso27001_2022: [A.5.15, A.8.‸]\n', value(['iso27001_2022', 0], 'A.8.', 'A.8.')],
    ['a key of a flow mapping', 'cloud: {provider: AWS, re‸}\n', { ...key(['cloud'], 're', 're', 23, ['provider']), flow: true }],
    ['a value of a flow mapping', 'cloud: {provider: AWS, region: ‸}\n', value(['cloud', 'region'], '', '', { provider: 'AWS' })],
    ['a word on the next line of an unclosed flow sequence', 'controls: [AC-1,\n  AC-‸\n', value(['controls', 0], 'AC-', 'AC-')],
    // Multi-document YAML: only the cursor's document counts.
    ['the second document', 'cloud:\n  provider: AWS\n---\ncloud:\n  ‸\n', key(['cloud'], '', '', 2, [])],
    ['a top-level key in the second document', 'a: 1\n---\nb: 2\n‸\n...\nc: 3\n', key([], '', '', 0, ['b'])],
    ['a document marker line', 'a: 1\n---‸\nb: 2\n', { kind: 'none' }],
    // Comments, block scalars, multi-line scalars.
    ['a comment line', '# govsec-disable ism‸\ncloud:\n', { kind: 'comment', content: ' govsec-disable ism' }],
    ['a comment after a value', 'cloud: AWS # note‸\n', { kind: 'comment', content: ' note' }],
    ['a comment after a quoted value holding " #"', 'key: "a # b" # c‸\n', { kind: 'comment', content: ' c' }],
    ['the text of a block scalar', 'system:\n  description: |\n    本システムはガバ‸\n  name: x\n', { kind: 'text', line: '    本システムはガバ' }],
    ['a block scalar header', 'system:\n  description: |‸\n    本文\n', { kind: 'none' }],
    ['a plain scalar continued on a deeper line', 'system:\n  name: 長い\n    名前‸\n', { kind: 'text', line: '    名前' }],
    // Half-typed or invalid YAML.
    ['an unclosed quote above', 'notes: "unclosed\ncloud:\n  provider: AWS\n  re‸\n', key(['cloud'], 're', 're', 2, ['provider'])],
    ['an unclosed quote in the mapping', "cloud:\n  provider: 'AWS\n  region: ‸\n", value(['cloud', 'region'], '', '', { provider: 'AWS' })],
    ['a tab as indentation', 'cloud:\n\tprovider: AWS\n\tre‸\n', key(['cloud'], 're', 're', 1, ['provider'])],
    ['a tab after a colon', 'cloud:\n  provider:\tAWS\n  region: ‸\n', value(['cloud', 'region'], '', '', { provider: 'AWS' })],
    ['a missing colon above a key being typed', 'cloud:\n  provider AWS\n  re‸\n', key(['cloud'], 're', 're', 2, [])],
    ['a missing colon above a value', 'cloud:\n  provider AWS\n  region: ‸\n', value(['cloud', 'region'], '', '')],
    ['broken flow and keys below', 'cloud:\n  provider: AWS\n  region: ap-‸\nnotes: [unclosed\n  - : :\n', value(['cloud', 'region'], 'ap-', 'ap-', { provider: 'AWS' })],
    ['CRLF line ends', 'cloud:\r\n  provider: AWS\r\n  ‸\r\n  service: EC2\r\n', key(['cloud'], '', '', 2, ['provider', 'service'])],
    ['a key followed by a blank (not a key any more)', 'cloud:\n  region ‸\n  provider: AWS\n', { kind: 'none' }],
  ];
  for (const [name, marked, expected] of table) {
    it(name, () => {
      assert.deepEqual(placeOf(marked), expected, JSON.stringify(marked));
    });
  }

  it('reads front matter between its delimiters only', () => {
    const marked = '---\ntitle: 調達仕様書\nclassification:\n  confidentiality: 2\n  ‸\n---\n\n# 本文\n\nkey: not yaml\n';
    const floor = 4;
    const ceilingFromEnd = '---\n\n# 本文\n\nkey: not yaml\n'.length;
    assert.deepEqual(placeOf(marked, floor, ceilingFromEnd), key(['classification'], '', '', 2, ['confidentiality']));
  });

  it('keeps the exact key path far below the keys that hold the cursor (the parsed window is bounded)', () => {
    const entries = Array.from({ length: 3000 }, (_, index) => `  - name: Service ${index}\n    purpose: 契約 ${index}\n`).join('');
    const deep = `doctype: system-profile\nsaas:\n${entries}  - name: Last\n    no‸\ncloud:\n  provider: AWS\n`;
    assert.deepEqual(placeOf(deep), key(['saas', 0], 'no', 'no', 4, ['name']));
    const nested = `system:\n  modules:\n    - name: 受付\n      parts:\n${'        - x\n'.repeat(5000)}        - ‸\n`;
    assert.deepEqual(placeOf(nested), value(['system', 'modules', 0, 'parts', 0], '', '', { name: '受付' }, { entryCol: 10 }));
    // A key holding entries written at its own column, far above.
    const sameColumn = `ismap_controls:\n${'- 9.1.1\n'.repeat(5000)}- 9.2.‸\n`;
    assert.deepEqual(placeOf(sameColumn), value(['ismap_controls', 0], '9.2.', '9.2.', {}, { entryCol: 2 }));
    // The keys beside the cursor's, far above and below, are still seen (their first line), the provider too.
    const far = `doctype: system-profile\ncloud:\n  provider: "Microsoft Azure"\n  notes:\n${'    - 注記\n'.repeat(3000)}  region: ‸\n  dr_region: x\nsaas:\n${entries}‸\nclassification:\n${'  # 注記\n'.repeat(3000)}  confidentiality: 2\nsystem: |\n  説明\n`;
    const [head, middle, tail] = far.split('‸');
    assert.deepEqual(placeOf(`${head}‸${middle}${tail}`), value(['cloud', 'region'], '', '', { provider: 'Microsoft Azure', notes: '', dr_region: 'x' }));
    assert.deepEqual(placeOf(`${head}${middle}‸${tail}`), key([], '', '', 0, ['classification', 'cloud', 'doctype', 'saas', 'system']));
    // A document marker far above ends what holds the cursor.
    const afterMarker = `cloud:\n  provider: AWS\n---\nsaas:\n${entries}  - ‸\n`;
    assert.deepEqual(placeOf(afterMarker), value(['saas', 0], '', '', {}, { entryCol: 4 }));
  });
});

describe('YAML completion: items from the place', () => {
  const knowledge = bundledKnowledge();
  const labels = (marked: string, uri = 'file:///system-profile.yaml', languageId: string | undefined = 'yaml') => {
    const { text, offset } = unmark(marked);
    return completionsAt(text, uri, languageId, offset, knowledge, 'ja').items.map((item) => item.label);
  };

  it('does not offer a key twice in front matter, and only the front matter is YAML', () => {
    assert.deepEqual(labels('---\nclassification:\n  confidentiality: 2\n  ‸\n---\n\n# 本文\n', 'file:///spec.md', 'markdown'), ['integrity', 'availability', '機密性', '完全性', '可用性']);
  });

  it('offers the keys of the cursor\'s document in multi-document YAML', () => {
    const second = labels('cloud:\n  provider: AWS\n  region: x\n---\ncloud:\n  provider: AWS\n  ‸\n');
    assert.ok(second.includes('region'), second.join(' '));
    assert.ok(!second.includes('provider'));
  });

  it('offers keys of a flow mapping as "name: "', () => {
    const { text, offset } = unmark('cloud: {provider: AWS, re‸}\n');
    const items = completionsAt(text, 'file:///system-profile.yaml', 'yaml', offset, knowledge, 'ja').items;
    const regions = items.find((item) => item.label === 'regions');
    assert.equal(regions?.insertText, 'regions: ');
    assert.ok(!items.some((item) => item.label === 'provider'));
  });

  it('reads the provider beside the key also when a quote above is left open', () => {
    assert.deepEqual(labels('notes: "unclosed\ncloud:\n  provider: Microsoft Azure\n  region: ‸\n').slice(0, 2), ['japaneast', 'japanwest']);
  });
});
