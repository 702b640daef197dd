import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { compileGlossary, createTermsValidator, formatProblem } from '../../server/src/glossary/compile';
import { normalizeKey } from '../../server/src/text/normalize';
import { readGlossaryFiles, repoRoot, termsSchema } from '../helpers';

const validate = createTermsValidator(termsSchema());

function entry(id: string, extra = '') {
  return `  - id: ${id}
    term: 用語${id}
    reading: ようご
    english: Term ${id}
    category: concept
    definition: { ja: 定義。, en: Definition. }
    sources: [{ title: 出典, url: "https://www.digital.go.jp/" }]
    asOf: 2026-11-26
    status: { state: current }
${extra}`;
}

function problemsOf(...texts: string[]) {
  return compileGlossary(texts.map((text, index) => ({ path: `g${index}.yaml`, text })), validate).problems.map((problem) => formatProblem(problem, 'en'));
}

describe('glossary compiler', () => {
  it('compiles valid entries', () => {
    const result = compileGlossary([{ path: 'a.yaml', text: `kind: terms\nterms:\n${entry('a')}` }], validate);
    assert.deepEqual(result.problems, []);
    assert.equal(result.glossary!.terms[0].location.line, 3);
    assert.deepEqual(result.glossary!.spellings, [{ key: '用語a', text: '用語a', termId: 'a', canonical: true }]);
  });

  it('reports YAML syntax errors with file and line', () => {
    assert.deepEqual(problemsOf('kind: terms\nterms:\n  - id: [a\n'), ['g0.yaml:4:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']);
  });

  it('reports schema violations at the offending line', () => {
    const text = `kind: terms\nterms:\n${entry('a')}    colour: red\n`.replace('url: "https://www.digital.go.jp/"', 'url: "http://insecure.example/"');
    assert.deepEqual(problemsOf(text), [
      'g0.yaml:3:5: /terms/0: unknown property "colour"',
      'g0.yaml:9:33: /terms/0/sources/0/url: must match pattern "^https://[^\\s]+$"',
    ]);
  });

  it('reports a missing required field at its entry', () => {
    const text = `kind: terms\nterms:\n${entry('a').replace('    asOf: 2026-11-26\n', '')}`;
    assert.deepEqual(problemsOf(text), ['g0.yaml:3:5: /terms/0: missing property "asOf"']);
  });

  it('reports duplicate ids, duplicate spellings across files, and unresolved references', () => {
    const first = `kind: terms\nterms:\n${entry('a', '    aliases: [{ text: ＡＢＣ, canonical: false }]\n    related: [nope]\n')}`;
    const second = `kind: terms\nterms:\n${entry('a')}${entry('b', '    aliases: [{ text: ABC, canonical: true }]\n')}`.replace(
      '    status: { state: current }\n  - id: b',
      '    status: { state: current }\n  - id: b',
    );
    const third = `kind: terms\nterms:\n${entry('c').replace('status: { state: current }', 'status: { state: superseded, successor: gone, date: "2023" }')}`;
    assert.deepEqual(problemsOf(first, second, third), [
      'g1.yaml:3:9: duplicate id "a" (first defined in g0.yaml:3)',
      'g0.yaml:13:15: related id "nope" does not exist',
      'g1.yaml:4:11: spelling "用語a" is already a spelling of "a" (g0.yaml:3)',
      'g1.yaml:21:23: spelling "ABC" is already a spelling of "a" (g0.yaml:3)',
      'g2.yaml:11:45: successor id "gone" does not exist',
    ]);
  });
});

describe('bundled glossary (glossary/terms)', () => {
  const files = readGlossaryFiles(path.join(repoRoot, 'glossary', 'terms'));
  const result = compileGlossary(files, validate);

  it('validates against the schema and cross-checks cleanly', () => {
    assert.deepEqual(result.problems.map((problem) => formatProblem(problem, 'en')), []);
  });

  it('has at least the 25 core terms of the foundation, each with https sources and an as-of date', () => {
    const terms = result.glossary!.terms;
    assert.ok(terms.length >= 25, `${terms.length} terms`);
    for (const term of terms) {
      assert.ok(term.sources.length > 0 && term.sources.every((source) => source.url.startsWith('https://')), term.id);
      assert.match(term.asOf, /^\d{4}-\d{2}-\d{2}$/, term.id);
    }
  });

  it('knows the core terms, their variants and the superseded names', () => {
    const glossary = result.glossary!;
    const spelling = (text: string) => glossary.spellings.find((s) => s.key === normalizeKey(text));
    const core = ['ガバメントクラウド', 'ISMAP', 'ISMAP-LIU', 'ISMAPクラウドサービスリスト', 'ISMAP管理基準', 'GSS', '政府共通ネットワーク', 'LGWAN', 'NISC', '国家サイバー統括室', '統一基準', '機密性1情報', '機密性2情報', '機密性3情報', '個人情報保護委員会', '漏えい等報告', 'デジタル庁', 'クラウド・バイ・デフォルト原則', 'ISO/IEC 27001', '霞が関WAN'];
    for (const text of core) {
      assert.ok(spelling(text), `no spelling for ${text}`);
    }
    assert.deepEqual([spelling('ガバクラ')?.termId, spelling('ガバクラ')?.canonical], ['gov-cloud', false]);
    assert.deepEqual([spelling('ISMAP LIU')?.termId, spelling('ISMAP LIU')?.canonical], ['ismap-liu', false]);
    const byId = new Map(glossary.terms.map((t) => [t.id, t]));
    const statusOf = (id: string) => byId.get(id)!.status;
    assert.deepEqual(
      ['gov-common-network', 'kasumigaseki-wan', 'nisc'].map((id) => {
        const status = statusOf(id);
        return status.state === 'superseded' ? [status.successor, status.severity ?? 'warning'] : status.state;
      }),
      [['gss', 'information'], ['gov-common-network', 'warning'], ['nco', 'information']],
    );
    const nisc = statusOf('nisc');
    assert.equal(nisc.state === 'superseded' && nisc.date, '2025-07-01');
  });
});

describe('pending changes (compiler checks)', () => {
  const pending = (fields: string) =>
    `    pending:\n      - change: { ja: 改正。, en: Amendment. }\n${fields}        confidence: unconfirmed\n        sources: [{ title: 出典, url: "https://www.ppc.go.jp/" }]\n`;

  it('accepts a promulgated change with a limit for entry into force', () => {
    const text = `kind: terms\nterms:\n${entry('a', pending('        passed: 2026-07-10\n        promulgated: 2026-07-17\n        inForceBy: 2028-07\n'))}`;
    const result = compileGlossary([{ path: 'a.yaml', text }], validate);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.glossary!.terms[0].pending, [
      {
        change: { ja: '改正。', en: 'Amendment.' },
        passed: '2026-07-10',
        promulgated: '2026-07-17',
        inForceBy: '2028-07',
        confidence: 'unconfirmed',
        sources: [{ title: '出典', url: 'https://www.ppc.go.jp/' }],
      },
    ]);
  });

  it('reports dates out of order, both inForce and inForceBy, and a change already in force at the as-of date', () => {
    const outOfOrder = `kind: terms\nterms:\n${entry('a', pending('        passed: 2026-08-01\n        promulgated: 2026-07-17\n        inForce: 2026-07-01\n        inForceBy: 2028-07\n'))}`;
    const inForce = `kind: terms\nterms:\n${entry('b', pending('        promulgated: 2025-01-08\n        inForce: 2025-03-08\n'))}`;
    assert.deepEqual(problemsOf(outOfOrder, inForce), [
      'g0.yaml:14:17: passed 2026-08-01 is after promulgated 2026-07-17',
      'g0.yaml:17:20: give inForce (the date is fixed) or inForceBy (only a limit is known), not both',
      'g0.yaml:16:18: inForce 2026-07-01 is before promulgated 2026-07-17',
      'g0.yaml:16:18: in force since 2026-07-01 (on or before asOf 2026-11-26): record it in the definition, not as pending',
      'g1.yaml:15:18: in force since 2025-03-08 (on or before asOf 2026-11-26): record it in the definition, not as pending',
    ]);
  });

  it('rejects an unknown confidence value', () => {
    const text = `kind: terms\nterms:\n${entry('a', pending('        promulgated: 2026-07-17\n').replace('unconfirmed', 'rumoured'))}`;
    assert.deepEqual(problemsOf(text), ['g0.yaml:15:21: /terms/0/pending/0/confidence: must be one of "confirmed", "unconfirmed"']);
  });
});

/** The six corrections of issue 10 (evidence: shared/reference/README.md, section 9), on the bundled glossary. */
describe('corrections of the bundled glossary (issue 10)', () => {
  const result = compileGlossary(readGlossaryFiles(path.join(repoRoot, 'glossary', 'terms')), validate);
  const term = (id: string) => {
    const found = result.glossary!.terms.find((candidate) => candidate.id === id);
    assert.ok(found, id);
    return found;
  };

  it('霞が関WAN was replaced in 2013 by 政府共通ネットワーク, not by GSS; GSS reached ministries from 2022-08', () => {
    const wan = term('kasumigaseki-wan');
    assert.deepEqual(
      wan.status.state === 'superseded' && [wan.status.successor, wan.status.date, wan.status.underWay],
      ['gov-common-network', '2013', undefined],
    );
    assert.match(wan.definition.ja, /2013年に政府共通ネットワークへ刷新された。GSSはその政府共通ネットワークの後継で、2022年8月から府省庁に導入されている。/);
    assert.match(term('gss').caveat!.ja, /2022年8月の人事院から始まり/);
  });

  it('政府共通ネットワーク: the move to GSS began 2022-08 and was still under way in 2024; LGWAN connects to it', () => {
    const network = term('gov-common-network');
    assert.equal(network.status.state, 'superseded');
    assert.ok(network.status.state === 'superseded');
    assert.deepEqual([network.status.successor, network.status.date, network.status.underWay, network.status.severity], ['gss', '2022-08', true, 'information']);
    assert.match(network.definition.ja, /LGWANとも相互接続されている/);
    assert.match(network.definition.ja, /2022年8月（人事院）から進められており、2024年時点でも移行の途中だった/);
    assert.ok(!/2023/.test(JSON.stringify(network.status)), 'no "superseded in 2023"');
  });

  it('ガバメントクラウド: the AWS share carries no date, since no source gives one', () => {
    const caveat = term('gov-cloud').caveat!;
    assert.match(caveat.ja, /本番環境1,497システムのうち1,452がAWSを利用しているとする報道があるが、どの時点の数字かは読んだ資料に示されていない。/);
    assert.doesNotMatch(caveat.ja, /2024年10月末時点の本番環境/);
    assert.doesNotMatch(caveat.en, /October 2024, 1,452/);
  });

  it('the cloud basic policy carries its current title with 「適切な」 and the 2018 title as an alias', () => {
    const policy = term('cloud-basic-policy');
    assert.equal(policy.term, '政府情報システムにおけるクラウドサービスの適切な利用に係る基本方針');
    assert.deepEqual(
      policy.aliases.find((alias) => alias.text === '政府情報システムにおけるクラウドサービスの利用に係る基本方針')?.canonical,
      true,
    );
  });

  it('ISMAP is run by 国家サイバー統括室, デジタル庁, 総務省 and 経済産業省 (caveat resolved)', () => {
    const ismap = term('ismap');
    assert.equal(ismap.caveat, undefined);
    assert.match(ismap.definition.ja, /国家サイバー統括室・デジタル庁・総務省・経済産業省が制度所管省庁として運用している/);
    assert.ok(ismap.sources.some((source) => source.url === 'https://www.nisc.go.jp/policy/group/general/ismap_iken_202509.html'));
  });

  it('個人情報保護法: the 2026 amendment is a pending change, promulgated 2026-07-17, unconfirmed', () => {
    const appi = term('appi');
    assert.equal(appi.pending.length, 1);
    const [change] = appi.pending;
    assert.deepEqual(
      [change.passed, change.promulgated, change.inForce, change.inForceBy, change.confidence],
      ['2026-07-10', '2026-07-17', undefined, '2028-07', 'unconfirmed'],
    );
    assert.match(change.change.ja, /公布の日から2年を超えない範囲で政令で定める日に施行/);
  });
});

describe('facts of the 自治体 vocabulary added for issue 10', () => {
  const result = compileGlossary(readGlossaryFiles(path.join(repoRoot, 'glossary', 'terms')), validate);
  const term = (id: string) => result.glossary!.terms.find((candidate) => candidate.id === id)!;

  it('標準化 covers 20 業務 (not 17), under the 2021 標準化法', () => {
    const standardization = term('local-gov-standardization');
    assert.match(standardization.definition.ja, /20の基幹業務/);
    assert.doesNotMatch(JSON.stringify(standardization), /17/);
    assert.ok(standardization.aliases.some((alias) => alias.text === '標準化法' && alias.canonical));
  });

  it('個人情報保護条例 is superseded for 自治体 by 個人情報保護法 from 2023-04-01', () => {
    const ordinance = term('privacy-ordinance');
    assert.deepEqual(ordinance.status.state === 'superseded' && [ordinance.status.successor, ordinance.status.date], ['appi', '2023-04-01']);
  });

  it('βモデル keeps business systems in the LGWAN segment; β′ moves them to the Internet segment; α′ adds a local breakout', () => {
    assert.match(term('beta-model').definition.ja, /業務端末をLGWAN接続系からインターネット接続系に移し、業務システムはLGWAN接続系に残す/);
    assert.match(term('beta-prime-model').definition.ja, /業務端末に加えて業務システムもインターネット接続系に置く/);
    assert.match(term('alpha-prime-model').definition.ja, /2024年10月.*ローカルブレークアウト/s);
  });

  it('LGCS says that its full name is unconfirmed rather than guessing one', () => {
    const lgcs = term('lgcs');
    assert.match(lgcs.caveat!.ja, /正式名称・提供主体・サービス内容は、読んだ資料（見出しのみ）では確認できなかった/);
  });
});
