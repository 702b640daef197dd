import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { runIsmapImport } from '../../server/src/cli/ismapImport';
import { serviceCard } from '../../server/src/features/serviceCard';
import { compileGlossary, createTermsValidator, formatProblem } from '../../server/src/glossary/compile';
import { compileServices } from '../../server/src/services/compile';
import { activeIsmapList, ismapListAge, loadIsmapList, serializeIsmapList, writeIsmapListFile } from '../../server/src/services/ismapList';
import { parseIsmapList, parseListDate } from '../../server/src/services/ismapListRead';
import { describeList, ismapStatus } from '../../server/src/services/status';
import type { CompiledServices, IsmapList, ServiceEntry } from '../../server/src/services/types';
import { normalizeKey } from '../../server/src/text/normalize';
import { readGlossaryFiles, repoRoot, termsSchema } from '../helpers';

/** Import problems with their English message, for tests about what is reported rather than how it is worded. */
function english(problems: readonly { line: number; message: { en: string } }[]): { line: number; message: string }[] {
  return problems.map((problem) => ({ line: problem.line, message: problem.message.en }));
}

const glossaryDir = path.join(repoRoot, 'glossary');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'ismap');

function readJson(file: string): object {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const schemas = {
  services: readJson(path.join(glossaryDir, 'schema', 'services.schema.json')),
  ismapList: readJson(path.join(glossaryDir, 'schema', 'ismap-list.schema.json')),
};

const terms = compileGlossary(readGlossaryFiles(path.join(glossaryDir, 'terms')), createTermsValidator(termsSchema())).glossary!;

let compiled: CompiledServices | undefined;
function catalogue(): CompiledServices {
  if (!compiled) {
    const result = compileServices(path.join(glossaryDir, 'services'), path.join(glossaryDir, 'ismap-list', 'bundled.yaml'), schemas, { glossary: terms });
    if (!result.services) {
      throw new Error(result.problems.map((problem) => formatProblem(problem, 'en')).join('\n'));
    }
    compiled = result.services;
  }
  return compiled;
}

function service(id: string): ServiceEntry {
  const found = catalogue().services.find((entry) => entry.id === id);
  assert.ok(found, `service ${id}`);
  return found;
}

function validateListText(text: string): boolean {
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schemas.ismapList);
  const ok = validate(parseYaml(text));
  assert.deepEqual(validate.errors ?? [], []);
  return ok;
}

class Collector {
  text = '';
  write(chunk: string | Uint8Array): boolean {
    this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }
  stream(): NodeJS.WritableStream {
    return this as unknown as NodeJS.WritableStream;
  }
}

function runImport(args: string[], cwd: string) {
  const out = new Collector();
  const err = new Collector();
  const status = runIsmapImport(args, cwd, out.stream(), err.stream(), 'en');
  return { status, stdout: out.text, stderr: err.text };
}

describe('cloud service catalogue (glossary/services)', () => {
  it('compiles with 0 problems, cross-checked against the term glossary and the bundled list', () => {
    const result = compileServices(path.join(glossaryDir, 'services'), path.join(glossaryDir, 'ismap-list', 'bundled.yaml'), schemas, { glossary: terms });
    assert.deepEqual(result.problems.map((problem) => formatProblem(problem, 'en')), []);
    assert.ok(result.services!.services.length >= 120, `${result.services!.services.length} services`);
    // Compact and JSON-serialisable.
    assert.deepEqual(JSON.parse(JSON.stringify(result.services)), result.services);
  });

  it('names the services people write in specs, each with https sources and an as-of date', () => {
    const ids = new Set(catalogue().services.map((entry) => entry.id));
    for (const id of [
      'aws', 'google-cloud', 'microsoft-azure', 'oracle-cloud-infrastructure', 'sakura-cloud', 'microsoft-365', 'google-workspace',
      'salesforce', 'heroku', 'slack', 'kintone', 'box', 'zoom', 'digitalocean', 'vultr', 'linode', 'netlify', 'vercel', 'hetzner',
      // AI APIs, developer platforms and the SaaS Japanese public bodies use.
      'openai-api', 'anthropic-api', 'google-ai-studio', 'github', 'supabase', 'cloudflare', 'sentry', 'fastly', 'webex', 'line-works',
      'servicenow', 'freee', 'money-forward-cloud', 'garoon', 'desknets-neo', 'logo-chat', 'microsoft-entra-id', 'sansan',
    ]) {
      assert.ok(ids.has(id), id);
    }
    for (const entry of catalogue().services) {
      assert.ok(entry.sources.length > 0 && entry.sources.every((source) => source.url.startsWith('https://')), entry.id);
      assert.match(entry.asOf, /^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('records ISMAP facts only with sources, and the bundled list holds exactly the sourced numbers', () => {
    const numbers: string[] = [];
    for (const entry of catalogue().services) {
      for (const fact of entry.ismap) {
        assert.ok(fact.sources.length > 0, `${entry.id}: ISMAP fact without a source`);
        assert.ok(fact.sources.every((source) => /^https:\/\/\S+$/.test(source.url)), entry.id);
        if (fact.registrationNumber) {
          numbers.push(fact.registrationNumber);
        }
      }
    }
    const listed = catalogue().ismapList.entries.map((entry) => entry.registrationNumber);
    assert.deepEqual([...numbers].sort(), [...listed].sort());
    assert.equal(service('aws').ismap[0].registrationNumber, 'C21-0008-2');
    assert.equal(service('slack').ismap[0].registered, '2021-12-20');
    assert.equal(service('slack').ismap[0].registrationNumber, undefined);
  });

  it('says the bundled list is partial, with its name, as-of date and size', () => {
    const list = catalogue().ismapList;
    assert.equal(list.partial, true);
    assert.ok(list.partialNote && /部分的/.test(list.partialNote.ja) && /partial/.test(list.partialNote.en));
    assert.equal(describeList(list), 'ISMAP list "govsec bundled ISMAP list (partial)" (as of 2026-09-15, 10 services, partial)');
    assert.ok(list.entries.every((entry) => entry.serviceId && entry.sources && entry.sources.length > 0));
  });

  it('has the five ガバメントクラウド providers, Sakura with the reference’s medium confidence', () => {
    const providers = catalogue().services.filter((entry) => entry.govCloud).map((entry) => entry.id);
    assert.deepEqual(providers.sort(), ['aws', 'google-cloud', 'microsoft-azure', 'oracle-cloud-infrastructure', 'sakura-cloud']);
    const sakura = service('sakura-cloud');
    assert.equal(sakura.govCloud!.status, 'selected-conditional');
    assert.equal(sakura.govCloud!.confidence, 'medium');
    assert.equal(sakura.govCloud!.announced, '2023-11-28');
    assert.equal(sakura.term, 'sakura-cloud');
    for (const id of ['aws', 'google-cloud', 'microsoft-azure', 'oracle-cloud-infrastructure']) {
      assert.equal(service(id).govCloud!.status, 'selected', id);
    }
  });

  it('lists the Japanese regions and zones, and common overseas regions as japan: false', () => {
    const japanese = (id: string) => service(id).regions.filter((region) => region.japan).map((region) => region.id);
    assert.deepEqual(japanese('aws'), ['ap-northeast-1', 'ap-northeast-3']);
    assert.deepEqual(japanese('microsoft-azure'), ['japaneast', 'japanwest']);
    assert.deepEqual(japanese('google-cloud'), ['asia-northeast1', 'asia-northeast2']);
    assert.deepEqual(japanese('oracle-cloud-infrastructure'), ['ap-tokyo-1', 'ap-osaka-1']);
    assert.deepEqual(japanese('sakura-cloud'), ['tk1a', 'tk1b', 'is1a', 'is1b']);
    assert.deepEqual(
      service('microsoft-azure').regions.filter((region) => region.japan).map((region) => region.name),
      ['Japan East', 'Japan West'],
    );
    const region = (id: string) => catalogue().services.flatMap((entry) => entry.regions).find((candidate) => candidate.id === id)!;
    for (const id of ['us-east-1', 'eu-west-1', 'westus', 'southeastasia', 'asia-southeast1', 'us-ashburn-1']) {
      assert.equal(region(id).japan, false, id);
    }
    assert.equal(region('westus').name, 'West US');
    assert.equal(region('is1a').unit, 'zone');
  });

  it('compiles spellings as {key (NFKC), text, serviceId, canonical}, leaving out ordinary words and term names', () => {
    const spellings = catalogue().spellings;
    const byKey = (text: string) => spellings.find((spelling) => spelling.key === normalizeKey(text));
    assert.deepEqual(byKey('ＥＣ２'), { key: 'EC2', text: 'EC2', serviceId: 'aws', canonical: true });
    assert.deepEqual(byKey('G Suite'), { key: 'G Suite', text: 'G Suite', serviceId: 'google-workspace', canonical: false });
    // Product renames resolve to the current product; the AI APIs that sit inside a platform's registration to that platform.
    assert.deepEqual(
      ['Office 365', 'Azure AD', 'Azure Active Directory', 'Tableau Online', 'ニフティクラウド', 'Copilot for Microsoft 365', 'Amazon Bedrock', 'Vertex AI', 'Gemini API'].map(
        (text) => byKey(text)?.serviceId,
      ),
      ['microsoft-365', 'microsoft-entra-id', 'microsoft-entra-id', 'tableau-cloud', 'nifcloud', 'microsoft-365-copilot', 'aws', 'google-cloud', 'google-ai-studio'],
    );
    assert.equal(byKey('Render'), undefined);
    assert.equal(byKey('Backlog'), undefined);
    assert.equal(byKey('Railway'), undefined);
    assert.equal(byKey('Box'), undefined);
    assert.equal(byKey('Zoom'), undefined);
    assert.equal(byKey('Box Sign')!.serviceId, 'box');
    assert.equal(byKey('さくらのクラウド'), undefined, 'the term sakura-cloud owns this spelling');
    const termKeys = new Set(terms.spellings.map((spelling) => spelling.key));
    assert.deepEqual(spellings.filter((spelling) => termKeys.has(spelling.key)), []);
    assert.equal(new Set(spellings.map((spelling) => spelling.key)).size, spellings.length);
  });

  it('reports broken catalogue and list entries with file, line and column', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-services-'));
    try {
      const servicesDir = path.join(folder, 'services');
      fs.mkdirSync(servicesDir);
      const entry = (id: string, extra = '') =>
        `  - id: ${id}\n    name: Service ${id}\n    provider: P\n    kind: [SaaS]\n${extra}    sources: [{ title: S, url: "https://example.com/" }]\n    asOf: 2026-11-26\n`;
      fs.writeFileSync(
        path.join(servicesDir, 'a.yaml'),
        `kind: services\nservices:\n${entry('a', '    aliases: [{ text: ＡＢＣ, canonical: true }, { text: ISMAP, canonical: true }]\n')}${entry('a')}${entry('b', '    aliases: [{ text: ABC, canonical: false }]\n    term: no-such-term\n')}`,
      );
      const list = path.join(folder, 'list.yaml');
      fs.writeFileSync(
        list,
        'kind: ismap-list\nname: L\nasOf: 2026-01-01\npartial: false\nentries:\n  - { registrationNumber: C21-0001-1, serviceName: X, program: ISMAP, serviceId: nope }\n  - { registrationNumber: C21-0002-1, serviceName: Y, program: ISMAP, serviceId: b }\n',
      );
      const previous = process.cwd();
      process.chdir(folder);
      let problems: string[];
      try {
        problems = compileServices(servicesDir, list, schemas, { glossary: terms }).problems.map((problem) => formatProblem(problem, 'en'));
      } finally {
        process.chdir(previous);
      }
      assert.deepEqual(problems, [
        'services/a.yaml:10:9: duplicate service id "a" (first defined in services/a.yaml:3)',
        'services/a.yaml:7:55: spelling "ISMAP" is already a spelling of glossary term "ismap"; link the term with "term: ismap" instead of repeating it',
        'services/a.yaml:11:11: spelling "Service a" is already a spelling of service "a" (services/a.yaml:3)',
        'services/a.yaml:21:11: glossary term "no-such-term" does not exist',
        'services/a.yaml:20:23: spelling "ABC" is already a spelling of service "a" (services/a.yaml:3)',
        'list.yaml:6:82: service id "nope" does not exist in the catalogue',
        'list.yaml:7:27: entry C21-0002-1 (ISMAP) is not among the sourced ISMAP facts of service "b" (services/a.yaml:16)',
      ]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

});

describe('parseIsmapList', () => {
  const read = (name: string) => fs.readFileSync(path.join(fixtures, name));

  it('reads the portal layout in UTF-8 with a BOM: quoted commas, quotes and line breaks, three date styles', () => {
    const result = parseIsmapList(read('official-utf8-bom.csv'), 'downloads/official-utf8-bom.csv', '2026-10-01', { importDate: '2026-11-26' });
    assert.deepEqual(result.problems, []);
    const list = result.list!;
    assert.equal(list.name, 'ISMAP cloud service list (imported from official-utf8-bom.csv)');
    assert.equal(list.asOf, '2026-10-01');
    assert.equal(list.partial, false);
    assert.deepEqual(list.importedFrom, { file: 'official-utf8-bom.csv', importedAt: '2026-11-26', encoding: 'utf-8', layout: 'csv', rows: 4, skipped: 0 });
    assert.deepEqual(list.entries, [
      { registrationNumber: 'C21-0008-2', serviceName: 'Amazon Web Services', program: 'ISMAP', line: 2 },
      { registrationNumber: 'C99-0001-1', serviceName: 'サンプルクラウド基盤', provider: 'サンプル株式会社', registered: '2024-01-05', expires: '2025-05-31', program: 'ISMAP', line: 3 },
      { registrationNumber: 'C99-0002-1', serviceName: 'サンプル "SaaS" サービス', provider: 'サンプル株式会社', registered: '2024-01-05', expires: '2025-05-31', program: 'ISMAP', line: 4 },
      { registrationNumber: 'C99-0003-1', serviceName: 'ＩＳＭＡＰテスト　サービス', provider: 'テスト合同会社', registered: '2024-03-01', program: 'ISMAP', line: 6 },
    ]);
  });

  it('reads Shift_JIS with a title row, lenient headers and full-width numbers', () => {
    const bytes = read('official-shift-jis.csv');
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    const result = parseIsmapList(bytes, 'official-shift-jis.csv', '2026-10-02', { importDate: '2026-11-26' });
    assert.deepEqual(result.problems, []);
    assert.equal(result.list!.importedFrom!.encoding, 'shift_jis');
    assert.deepEqual(result.list!.entries, [
      { registrationNumber: 'C21-0030-2', serviceName: 'さくらのクラウド', program: 'ISMAP', line: 3 },
      { registrationNumber: 'C99-0101-1', serviceName: 'サンプル業務ＳａａＳ', provider: 'サンプル株式会社', registered: '2019-05-01', expires: '2025-04-30', program: 'ISMAP', line: 4 },
    ]);
  });

  it('reports each malformed row with its physical line and keeps the others', () => {
    const result = parseIsmapList(read('malformed.csv'), 'malformed.csv', '2026-10-03', { importDate: '2026-11-26' });
    assert.deepEqual(result.problems, [
      { line: 3, message: { ja: '列「登録番号」に登録番号がないため、この行を読み飛ばしました', en: 'row skipped: no registration number in column "登録番号"' } },
      { line: 4, message: { ja: '列「クラウドサービスの名称」にサービス名がないため、この行を読み飛ばしました', en: 'row skipped: no service name in column "クラウドサービスの名称"' } },
      { line: 5, message: { ja: '列「登録日」の「2024/13/01」が日付でないため、この行を読み飛ばしました', en: 'row skipped: "2024/13/01" in column "登録日" is not a date' } },
      { line: 6, message: { ja: '登録番号 C99-0201-1 は 2 行目にもあるため、この行を読み飛ばしました', en: 'row skipped: registration number C99-0201-1 is already on line 2' } },
      { line: 10, message: { ja: 'CSV として読めない行です（行を読み飛ばした: 引用符で始まる欄が閉じていない）', en: 'row skipped: a quoted field is never closed' } },
    ]);
    const list = result.list!;
    assert.deepEqual(
      list.entries.map((entry) => [entry.line, entry.registrationNumber, entry.serviceName]),
      [
        [2, 'C99-0201-1', '正常なサービス'],
        [8, 'C99-0206-1', '改行を含む サービス'],
        [11, 'C99-0208-1', '最後のサービス'],
      ],
    );
    assert.equal(list.partial, true);
    assert.deepEqual(list.importedFrom, { file: 'malformed.csv', importedAt: '2026-11-26', encoding: 'utf-8', layout: 'csv', rows: 8, skipped: 5 });
    assert.match(list.partialNote!.en, /^5 malformed rows were skipped/);
  });

  it('needs a header with a number and a name column, and text', () => {
    assert.deepEqual(english(parseIsmapList(Buffer.from('a,b\n1,2\n'), 'x.csv', '2026-01-01').problems), [
      { line: 1, message: 'no header row with a registration number column (登録番号) and a service name column (クラウドサービスの名称) in the first 10 rows' },
    ]);
    assert.deepEqual(english(parseIsmapList(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'x.xlsx', '2026-01-01').problems), [
      { line: 1, message: 'contains NUL bytes: a binary file, or UTF-16 without a byte order mark (save the list as a web page, CSV or text)' },
    ]);
    const empty = parseIsmapList(Buffer.from('登録番号,サービス名\n'), 'x.csv', '2026-01-01');
    assert.equal(empty.list, undefined);
    assert.deepEqual(empty.problems, []);
  });

  it('reads UTF-16 tab-separated text (Excel "Unicode text") and an ISMAP-LIU program column', () => {
    const text = '\ufeff登録番号\tサービス名\t区分\r\nL99-0001-1\tサンプルLIU\tISMAP-LIU\r\n';
    const result = parseIsmapList(Buffer.from(text, 'utf16le'), 'liu.txt', '2026-01-01', { importDate: '2026-01-02' });
    assert.deepEqual(result.problems, []);
    assert.equal(result.list!.name, 'ISMAP-LIU cloud service list (imported from liu.txt)');
    assert.deepEqual(result.list!.entries, [{ registrationNumber: 'L99-0001-1', serviceName: 'サンプルLIU', program: 'ISMAP-LIU', line: 2 }]);
  });

  it('reads the list page saved from a browser: the list table among others, <br> and block breaks, hidden text, tfoot left out', () => {
    const result = parseIsmapList(read('portal-list-saved.html'), 'saved/portal-list-saved.html', '2026-11-30', { importDate: '2026-12-01' });
    assert.equal(result.layout, 'html');
    assert.deepEqual(english(result.problems), [
      { line: 54, message: 'row skipped: "2025/13/01" in column "登録日" is not a date' },
      { line: 62, message: 'row skipped: no service name in column "クラウドサービスの名称"' },
    ]);
    assert.equal(result.rows, 5);
    const list = result.list!;
    assert.equal(list.name, 'ISMAP cloud service list (imported from portal-list-saved.html)');
    assert.deepEqual(list.importedFrom, { file: 'portal-list-saved.html', importedAt: '2026-12-01', encoding: 'utf-8', layout: 'html', rows: 5, skipped: 2 });
    assert.deepEqual(list.entries, [
      { registrationNumber: 'C21-0008-2', serviceName: 'Amazon Web Services', program: 'ISMAP', line: 31 },
      { registrationNumber: 'C99-0301-1', serviceName: 'サンプル クラウド&データ基盤', provider: 'サンプル株式会社', registered: '2025-03-14', program: 'ISMAP', line: 39 },
      { registrationNumber: 'C99-0302-1', serviceName: 'サンプル文書管理SaaS', provider: 'サンプル・テック合同会社', registered: '2025-06-02', program: 'ISMAP', line: 47 },
    ]);
  });

  it('reads the ISMAP-LIU page drawn with ARIA roles, taking the program from its title', () => {
    const result = parseIsmapList(read('liu-list-saved.html'), 'liu-list-saved.html', '2026-11-30', { importDate: '2026-12-01' });
    assert.deepEqual(result.problems, []);
    assert.equal(result.list!.name, 'ISMAP-LIU cloud service list (imported from liu-list-saved.html)');
    assert.deepEqual(result.list!.entries, [
      { registrationNumber: 'L99-0001-1', serviceName: 'サンプル名刺管理', provider: 'サンプル株式会社', registered: '2025-04-01', program: 'ISMAP-LIU', line: 14 },
      { registrationNumber: 'L99-0002-1', serviceName: 'サンプル日程調整', provider: 'サンプル・テック合同会社', registered: '2025-08-20', program: 'ISMAP-LIU', line: 15 },
    ]);
  });

  it('says what to do with a page saved before the list appeared, and with a page whose tables are not the list', () => {
    const shell = parseIsmapList(read('portal-list-shell.html'), 'portal-list-shell.html', '2026-11-30');
    assert.deepEqual({ ...shell, problems: english(shell.problems) }, {
      problems: [{ line: 1, message: 'the HTML page has no table; save the list page after the list has appeared (the portal draws it with JavaScript)' }],
      rows: 0,
      layout: 'html',
    });
    assert.equal(shell.problems[0].message.ja, 'HTML ページに表がないので、一覧が表示されてから保存し直します（ポータルは JavaScript で一覧を描きます）');
    const other = Buffer.from('<!doctype html><table><tr><th>名前</th><th>電話</th></tr><tr><td>a</td><td>b</td></tr></table>');
    assert.deepEqual(english(parseIsmapList(other, 'page.htm', '2026-11-30').problems), [
      { line: 1, message: 'none of the 1 tables of the HTML page has a registration number column (登録番号) and a service name column (クラウドサービスの名称)' },
    ]);
  });

  it('reads the table pasted from the page: a title line above, a cell broken over three lines joined back, literal quotes', () => {
    const result = parseIsmapList(read('portal-list-pasted.txt'), 'portal-list-pasted.txt', '2026-11-30', { importDate: '2026-12-01' });
    assert.equal(result.layout, 'tsv');
    assert.deepEqual(english(result.problems), [{ line: 8, message: 'row skipped: no service name in column "クラウドサービスの名称"' }]);
    assert.deepEqual(result.list!.entries, [
      { registrationNumber: 'C21-0030-2', serviceName: 'さくらのクラウド', program: 'ISMAP', line: 3 },
      { registrationNumber: 'C99-0401-1', serviceName: 'サンプル会計クラウド', provider: 'サンプル株式会社', registered: '2025-02-03', program: 'ISMAP', line: 4 },
      { registrationNumber: 'C99-0402-1', serviceName: '"サンプル" 電子契約', provider: 'サンプル・テック合同会社', registered: '2025-10-01', program: 'ISMAP', line: 7 },
    ]);
    assert.equal(result.rows, 4);
  });

  it('reads the pasted ISMAP-LIU table, taking the program from the title line; --program wins over it', () => {
    const result = parseIsmapList(read('liu-list-pasted.txt'), 'liu-list-pasted.txt', '2026-11-30', { importDate: '2026-12-01' });
    assert.deepEqual(result.list!.entries, [
      { registrationNumber: 'L99-0101-1', serviceName: 'サンプル勤怠SaaS', provider: 'サンプル株式会社', registered: '2025-05-20', program: 'ISMAP-LIU', line: 3 },
    ]);
    const forced = parseIsmapList(read('liu-list-pasted.txt'), 'liu-list-pasted.txt', '2026-11-30', { program: 'ISMAP' });
    assert.equal(forced.list!.entries[0].program, 'ISMAP');
  });

  it('turns the usual date styles into ISO dates and rejects impossible ones', () => {
    const cases: [string, string | undefined][] = [
      ['2024/1/5', '2024-01-05'],
      ['2024-01-05', '2024-01-05'],
      ['2024.1.5', '2024-01-05'],
      ['２０２４／１／５', '2024-01-05'],
      ['2024/01/05 0:00:00', '2024-01-05'],
      ['20240105', '2024-01-05'],
      ['2024年1月5日', '2024-01-05'],
      ['令和6年1月5日', '2024-01-05'],
      ['令和元年5月1日', '2019-05-01'],
      ['R6.1.5', '2024-01-05'],
      ['H31/4/30', '2019-04-30'],
      ['平成31年5月1日', undefined],
      ['令和元年4月30日', undefined],
      ['2024/2/30', undefined],
      ['2024/13/01', undefined],
      ['未定', undefined],
    ];
    for (const [input, expected] of cases) {
      assert.equal(parseListDate(input), expected, input);
    }
  });
});

describe('ISMAP list files', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-ismap-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('serialises to YAML that validates, with a header comment naming the file and the import date, and loads back', () => {
    const list = parseIsmapList(fs.readFileSync(path.join(fixtures, 'official-utf8-bom.csv')), 'official-utf8-bom.csv', '2026-10-01', { importDate: '2026-11-26' }).list!;
    const text = serializeIsmapList(list);
    assert.ok(text.startsWith('# ISMAP list imported by govsec from "official-utf8-bom.csv" on 2026-11-26\n'), text);
    assert.ok(validateListText(text));
    assert.deepEqual(loadIsmapList(text, 'list.yaml'), { list, problems: [] });
    // The bundled list round-trips too.
    const bundled = catalogue().ismapList;
    assert.deepEqual(loadIsmapList(serializeIsmapList(bundled), 'b.yaml').list, bundled);
  });

  it('is stale once it is more than three months old (the portal updates about every three months)', () => {
    assert.deepEqual(ismapListAge({ asOf: '2026-09-15' }, '2026-12-15'), { asOf: '2026-09-15', currentUntil: '2026-12-15', stale: false });
    assert.deepEqual(ismapListAge({ asOf: '2026-09-15' }, '2026-12-16'), { asOf: '2026-09-15', currentUntil: '2026-12-15', stale: true });
    // Month ends and year ends: 11-30 + 3 months is 02-28; 2027 is not a leap year, 2028 is.
    assert.equal(ismapListAge({ asOf: '2026-11-30' }, '2027-02-28').stale, false);
    assert.equal(ismapListAge({ asOf: '2026-11-30' }, '2027-03-01').stale, true);
    assert.equal(ismapListAge({ asOf: '2027-11-30' }, '2028-02-29').currentUntil, '2028-02-29');
    assert.equal(ismapListAge({ asOf: '2026-10-31' }, '2027-01-31').stale, false);
  });

  it('reports an invalid list file with its line', () => {
    const result = loadIsmapList('kind: ismap-list\nname: L\nasOf: 2026-13-01\npartial: false\nentries: []\n', 'bad.yaml');
    assert.equal(result.list, undefined);
    assert.deepEqual(result.problems.map((problem) => formatProblem(problem, 'en')), ['bad.yaml:3:7: /asOf: must match pattern "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"']);
  });

  it('writes atomically and never replaces a good file with an empty list', () => {
    const output = path.join(folder, 'nested', 'ismap-list.yaml');
    const list = parseIsmapList(fs.readFileSync(path.join(fixtures, 'official-utf8-bom.csv')), 'a.csv', '2026-10-01').list!;
    writeIsmapListFile(list, output);
    const written = fs.readFileSync(output, 'utf8');
    const empty: IsmapList = { ...list, entries: [] };
    assert.throws(() => writeIsmapListFile(empty, output), /refusing to write an ISMAP list with no entries/);
    assert.equal(fs.readFileSync(output, 'utf8'), written);
    assert.deepEqual(fs.readdirSync(path.dirname(output)), ['ismap-list.yaml'], 'no temporary file left behind');
  });

  it('uses the workspace list in place of the bundled one when it exists and is valid', () => {
    const bundled = catalogue().ismapList;
    assert.equal(activeIsmapList(folder, bundled).origin, 'bundled');
    const list = parseIsmapList(fs.readFileSync(path.join(fixtures, 'official-utf8-bom.csv')), 'a.csv', '2026-10-01').list!;
    writeIsmapListFile(list, path.join(folder, '.govsec', 'ismap-list.yaml'));
    const active = activeIsmapList(folder, bundled);
    assert.equal(active.origin, 'workspace');
    assert.equal(active.list.name, 'ISMAP cloud service list (imported from a.csv)');
    fs.writeFileSync(path.join(folder, '.govsec', 'ismap-list.yaml'), 'kind: [\n');
    const broken = activeIsmapList(folder, bundled);
    assert.equal(broken.origin, 'bundled');
    assert.equal(broken.problems.length, 1);
  });
});

describe('govsec ismap import', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-import-'));
    for (const name of ['official-utf8-bom.csv', 'official-shift-jis.csv', 'malformed.csv', 'portal-list-saved.html', 'portal-list-pasted.txt', 'portal-list-shell.html']) {
      fs.copyFileSync(path.join(fixtures, name), path.join(folder, name));
    }
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('imports into .govsec/ismap-list.yaml with the CSV file’s date as the as-of date', () => {
    const modified = new Date(2026, 9, 1, 12, 0, 0); // 2026-10-01, local time
    fs.utimesSync(path.join(folder, 'official-utf8-bom.csv'), modified, modified);
    const result = runImport(['import', 'official-utf8-bom.csv'], folder);
    assert.deepEqual(result, {
      status: 0,
      stdout: 'Imported 4 of 4 rows from official-utf8-bom.csv (CSV) into .govsec/ismap-list.yaml (as of 2026-10-01).\n',
      stderr: '',
    });
    const text = fs.readFileSync(path.join(folder, '.govsec', 'ismap-list.yaml'), 'utf8');
    assert.ok(validateListText(text));
    const loaded = loadIsmapList(text, 'ismap-list.yaml').list!;
    assert.equal(loaded.asOf, '2026-10-01');
    assert.equal(loaded.entries.length, 4);
    assert.match(text, /^# ISMAP list imported by govsec from "official-utf8-bom\.csv" on \d{4}-\d{2}-\d{2}\n/);
  });

  it('imports the saved list page and the pasted table, naming the layout it read', () => {
    const page = runImport(['import', 'portal-list-saved.html', '--date', '2026-11-30'], folder);
    assert.deepEqual(page, {
      status: 0,
      stdout: 'Imported 3 of 5 rows from portal-list-saved.html (saved web page) into .govsec/ismap-list.yaml (as of 2026-11-30; 2 skipped).\n',
      stderr:
        'portal-list-saved.html:54: row skipped: "2025/13/01" in column "登録日" is not a date\n' +
        'portal-list-saved.html:62: row skipped: no service name in column "クラウドサービスの名称"\n',
    });
    assert.equal(loadIsmapList(fs.readFileSync(path.join(folder, '.govsec', 'ismap-list.yaml'), 'utf8'), 'x').list!.importedFrom!.layout, 'html');
    const pasted = runImport(['import', 'portal-list-pasted.txt', '--date', '2026-11-30', '--output', 'pasted.yaml'], folder);
    assert.equal(pasted.stdout, 'Imported 3 of 4 rows from portal-list-pasted.txt (tab-separated text) into pasted.yaml (as of 2026-11-30; 1 skipped).\n');
    const shell = runImport(['import', 'portal-list-shell.html', '--output', 'shell.yaml'], folder);
    assert.equal(shell.status, 2);
    assert.equal(
      shell.stderr,
      'portal-list-shell.html:1: the HTML page has no table; save the list page after the list has appeared (the portal draws it with JavaScript)\n' +
        'govsec: portal-list-shell.html: no valid row to import; shell.yaml left unchanged\n',
    );
  });

  it('reports skipped rows as FILE:LINE: message, exits 0, and honours --output and --date', () => {
    const result = runImport(['import', 'malformed.csv', '--output', 'lists/ismap.yaml', '--date=2026-10-03'], folder);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, 'Imported 3 of 8 rows from malformed.csv (CSV) into lists/ismap.yaml (as of 2026-10-03; 5 skipped).\n');
    assert.equal(
      result.stderr,
      [
        'malformed.csv:3: row skipped: no registration number in column "登録番号"',
        'malformed.csv:4: row skipped: no service name in column "クラウドサービスの名称"',
        'malformed.csv:5: row skipped: "2024/13/01" in column "登録日" is not a date',
        'malformed.csv:6: row skipped: registration number C99-0201-1 is already on line 2',
        'malformed.csv:10: row skipped: a quoted field is never closed',
        '',
      ].join('\n'),
    );
    assert.ok(validateListText(fs.readFileSync(path.join(folder, 'lists', 'ismap.yaml'), 'utf8')));
  });

  it('exits 2 and leaves the previous import intact when the new file is unreadable or has no valid row', () => {
    assert.equal(runImport(['import', 'official-shift-jis.csv', '--date', '2026-10-02'], folder).status, 0);
    const output = path.join(folder, '.govsec', 'ismap-list.yaml');
    const before = fs.readFileSync(output);

    fs.writeFileSync(path.join(folder, 'bad.csv'), '登録番号,クラウドサービスの名称\n,名前だけ\nC99-0001-1,\n');
    const bad = runImport(['import', 'bad.csv'], folder);
    assert.deepEqual(bad, {
      status: 2,
      stdout: '',
      stderr: [
        'bad.csv:2: row skipped: no registration number in column "登録番号"',
        'bad.csv:3: row skipped: no service name in column "クラウドサービスの名称"',
        'govsec: bad.csv: no valid row to import; .govsec/ismap-list.yaml left unchanged',
        '',
      ].join('\n'),
    });
    assert.deepEqual(runImport(['import', 'missing.csv'], folder), { status: 2, stdout: '', stderr: 'govsec: missing.csv: no such file\n' });
    assert.deepEqual(fs.readFileSync(output), before);
    assert.equal(loadIsmapList(before.toString('utf8'), 'x').list!.importedFrom!.file, 'official-shift-jis.csv');
  });

  it('exits 2 on usage errors', () => {
    assert.equal(runImport(['import'], folder).status, 2);
    assert.match(runImport(['import', 'a.csv', '--date', '2026-02-30'], folder).stderr, /^govsec: --date must be a date as YYYY-MM-DD \(got "2026-02-30"\)/);
    assert.match(runImport(['import', 'a.csv', '--colour'], folder).stderr, /^govsec: unknown option --colour/);
    assert.equal(runImport(['import', '--help'], folder).status, 0);
  });
});

describe('ISMAP status wording', () => {
  it('says where a listed service was found, naming the list', () => {
    const status = ismapStatus(service('aws'), catalogue().ismapList);
    assert.equal(status.found, true);
    assert.deepEqual(status.matches.map((match) => [match.entry.registrationNumber, match.matchedBy]), [['C21-0008-2', 'service-id']]);
    assert.equal(
      status.text.en,
      'listed in the ISMAP list loaded (govsec bundled ISMAP list (partial), as of 2026-09-15, 10 services, partial): C21-0008-2 "Amazon Web Services"',
    );
    assert.equal(
      status.text.ja,
      '読み込んだISMAPリスト（govsec bundled ISMAP list (partial)、2026-09-15時点、10件、部分的）に掲載: C21-0008-2「Amazon Web Services」',
    );
  });

  it('never says "not registered" for a service missing from the list', () => {
    const status = ismapStatus(service('slack'), catalogue().ismapList);
    assert.equal(status.found, false);
    assert.equal(status.text.en, 'not found in the ISMAP list loaded (govsec bundled ISMAP list (partial), as of 2026-09-15, 10 services, partial)');
    assert.equal(status.text.ja, '読み込んだISMAPリスト（govsec bundled ISMAP list (partial)、2026-09-15時点、10件、部分的）に見当たりません');
    assert.doesNotMatch(status.text.en, /not registered|unregistered/i);
    assert.doesNotMatch(status.text.ja, /未登録/);
  });

  it('matches an imported list by registration number or exact name, and flags similar names without claiming them', () => {
    const imported: IsmapList = {
      ...parseIsmapList(fs.readFileSync(path.join(fixtures, 'official-utf8-bom.csv')), 'official-utf8-bom.csv', '2026-10-01').list!,
    };
    const aws = ismapStatus(service('aws'), imported);
    assert.deepEqual(aws.matches.map((match) => match.matchedBy), ['registration-number']);
    assert.equal(aws.text.en, 'listed in the ISMAP list loaded (ISMAP cloud service list (imported from official-utf8-bom.csv), as of 2026-10-01, 4 services): C21-0008-2 "Amazon Web Services"');
    const sakura = ismapStatus(service('sakura-cloud'), imported);
    assert.equal(sakura.text.en, 'not found in the ISMAP list loaded (ISMAP cloud service list (imported from official-utf8-bom.csv), as of 2026-10-01, 4 services)');

    const byName: IsmapList = { ...imported, entries: [{ registrationNumber: 'C99-1', serviceName: 'google  workspace', program: 'ISMAP' }, { registrationNumber: 'C99-2', serviceName: 'Cloudflare for Government', program: 'ISMAP', registered: '2025-12-01' }] };
    assert.deepEqual(ismapStatus(service('google-workspace'), byName).matches.map((match) => match.matchedBy), ['name']);
    const cloudflare = ismapStatus(service('cloudflare'), byName);
    assert.equal(cloudflare.found, false);
    assert.equal(
      cloudflare.text.en,
      'not found in the ISMAP list loaded (ISMAP cloud service list (imported from official-utf8-bom.csv), as of 2026-10-01, 2 services); similar names in it: C99-2 "Cloudflare for Government", registered 2025-12-01 (check whether it is the same service)',
    );
  });
});

describe('service hover card', () => {
  const lines = (markdown: string) => markdown.split('\n');

  it('in Japanese: name, kind and ISMAP state first, then provider and Government Cloud; details and sources below', () => {
    const card = lines(serviceCard(service('aws'), catalogue().ismapList, 'ja', { surface: 'EC2' }));
    assert.deepEqual(card.slice(0, 4), [
      String.raw`**Amazon Web Services** · IaaS / PaaS · ISMAP: ✓ 掲載（C21\-0008\-2）  `,
      String.raw`提供: Amazon Web Services, Inc\. · ガバメントクラウド: 採択（FY2021）  `,
      '「EC2」は別名・製品名（Amazon EC2 の略）',
      '',
    ]);
    assert.ok(card.includes(String.raw`**ISMAP:** ✓ 読み込んだISMAPリスト（govsec bundled ISMAP list \(partial\)、2026\-09\-15時点、10件、部分的）に掲載: C21\-0008\-2「Amazon Web Services」`));
    assert.ok(card.some((line) => line.startsWith('**部分的なリスト:** 同梱リストは部分的です。')));
    assert.ok(card.includes('**ガバメントクラウド:** 採択（FY2021） · 確度: 高'));
    assert.ok(card.includes('2021年度に採択され、2022年10月3日発表の公募でも採択された。'));
    assert.ok(!card.some((line) => line.includes('Selected in FY2021')), 'one language only');
    assert.ok(card.includes(String.raw`**国内リージョン:** ap\-northeast\-1: Asia Pacific \(Tokyo\) · ap\-northeast\-3: Asia Pacific \(Osaka\)`));
    assert.ok(card.includes('- [Amazon Web Services](https://aws.amazon.com/) — Amazon Web Services'));
    assert.equal(card[card.length - 1], String.raw`*時点 2026\-11\-26 · ISMAPリスト「govsec bundled ISMAP list \(partial\)」（2026\-09\-15時点、10件、部分的） · govsecサービス: aws*`);
  });

  it('in English: the same card in English; the Japanese-only alias note is left out', () => {
    const card = lines(serviceCard(service('aws'), catalogue().ismapList, 'en', { surface: 'EC2' }));
    assert.deepEqual(card.slice(0, 4), [
      String.raw`**Amazon Web Services** · IaaS / PaaS · ISMAP: ✓ listed \(C21\-0008\-2\)  `,
      String.raw`provider: Amazon Web Services, Inc\. · Government Cloud: selected \(FY2021\)  `,
      '"EC2" is another name or product name',
      '',
    ]);
    assert.ok(card.includes(String.raw`**ISMAP:** ✓ listed in the ISMAP list loaded \(govsec bundled ISMAP list \(partial\), as of 2026\-09\-15, 10 services, partial\): C21\-0008\-2 \"Amazon Web Services\"`));
    assert.ok(card.includes('**Government Cloud:** selected \\(FY2021\\) · confidence: high'));
    assert.ok(card.includes(String.raw`Selected in FY2021 and again in the call announced on 2022\-10\-03\.`));
    assert.ok(card.includes(String.raw`**Regions in Japan:** ap\-northeast\-1: Asia Pacific \(Tokyo\) · ap\-northeast\-3: Asia Pacific \(Osaka\)`));
    assert.equal(
      card[card.length - 1],
      String.raw`*as of 2026\-11\-26 · ISMAP list \"govsec bundled ISMAP list \(partial\)\" \(as of 2026\-09\-15, 10 services, partial\) · govsec service: aws*`,
    );
  });

  it('shows a registration that a source reports, with its date and how sure, when the partial list lacks it', () => {
    const ja = lines(serviceCard(service('slack'), catalogue().ismapList, 'ja'));
    assert.equal(ja[0], '**Slack** · SaaS · ISMAP: 出典では登録済み（部分的なリストに未収録）  ');
    assert.ok(ja.includes(String.raw`**ISMAP:** ✓ 出典によればISMAP登録済み（番号不明、2021\-12\-20登録、note\.com）。部分的なISMAPリスト（2026\-09\-15時点）には未収録です`), ja.join('\n'));
    assert.ok(
      ja.includes(String.raw`- ISMAP 番号不明「Slack」 · 登録 2021\-12\-20 · 第三者情報 — [官公庁はTeamsではなく、Slackのようです（ISMAPについて）](https://note.com/yumiko_otsuka/n/nb3e06cc04a2b)`),
      ja.join('\n'),
    );
    assert.ok(!ja.some((line) => /未登録|not registered/i.test(line)));
    const en = lines(serviceCard(service('slack'), catalogue().ismapList, 'en'));
    assert.equal(en[0], String.raw`**Slack** · SaaS · ISMAP: reported registered \(not in the partial list\)  `);
    assert.ok(en.includes(String.raw`**ISMAP:** ✓ reported ISMAP\-registered \(no number known, registered 2021\-12\-20; note\.com\); not in the partial ISMAP list \(as of 2026\-09\-15\)`));
    assert.ok(
      en.includes(String.raw`- ISMAP no number \"Slack\" · registered 2021\-12\-20 · second\-hand — [官公庁はTeamsではなく、Slackのようです（ISMAPについて）](https://note.com/yumiko_otsuka/n/nb3e06cc04a2b)`),
      en.join('\n'),
    );
    assert.ok(!en.some((line) => /not registered/i.test(line)));
  });

  it('names the source that reports a service as not registered', () => {
    const ja = lines(serviceCard(service('sakura-ai-engine'), catalogue().ismapList, 'ja'));
    assert.equal(ja[0], '**さくらのAI Engine** · PaaS · ISMAP: ⚠ 未登録との情報あり  ');
    assert.ok(ja.includes('**ISMAP:** 第三者の解説（2026\\-09\\-09）は「さくらのAI Engine（単体）」をISMAP未登録としています'), ja.join('\n'));
    assert.ok(
      ja.includes(
        String.raw`- ISMAP 未登録「さくらのAI Engine（単体）」 · 2026\-09\-09時点 · 第三者情報 — [生成AIとISMAPに関する解説（第三者、2026年9月9日時点）](https://github.com/yasushi-honda/seiho-ai-study/blob/HEAD/scripts/build-feedback-dashboard.mjs)`,
      ),
      ja.join('\n'),
    );
    const en = lines(serviceCard(service('sakura-ai-engine'), catalogue().ismapList, 'en'));
    assert.equal(en[0], '**さくらのAI Engine** · PaaS · ISMAP: ⚠ reported not registered  ');
    assert.ok(en.some((line) => line.startsWith(String.raw`- not ISMAP\-registered: \"さくらのAI Engine（単体）\" · as of 2026\-09\-09 · second\-hand — `)), en.join('\n'));
  });

  it('shows where data is kept as a source states it, with its date and source', () => {
    const link = '[生成AIとISMAPに関する解説（第三者、2026年9月9日時点）](https://github.com/yasushi-honda/seiho-ai-study/blob/HEAD/scripts/build-feedback-dashboard.mjs)';
    const ja = lines(serviceCard(service('google-workspace'), catalogue().ismapList, 'ja'));
    assert.ok(
      ja.includes(
        String.raw`**データの所在:** Geminiアプリと Gemini in Workspace のデータ処理場所は「グローバル」「米国」「ヨーロッパ」から選ぶ形で、日本に限る選択肢は無いとされる。（2026\-09\-09時点） — ` + link,
      ),
      ja.join('\n'),
    );
    const en = lines(serviceCard(service('google-workspace'), catalogue().ismapList, 'en'));
    assert.ok(
      en.includes(
        String.raw`**Data location:** The Gemini app and Gemini in Workspace are said to offer processing locations \"global\", \"US\" or \"Europe\" only, with no Japan\-only choice\. \(as of 2026\-09\-09\) — ` +
          link,
      ),
      en.join('\n'),
    );
    assert.ok(!lines(serviceCard(service('slack'), catalogue().ismapList, 'ja')).some((line) => line.startsWith('**データの所在')));
  });

  it('says a service no source speaks of is missing from the list, naming the list', () => {
    const ja = lines(serviceCard(service('digitalocean'), catalogue().ismapList, 'ja'));
    assert.ok(ja[0].endsWith('ISMAP: 部分的なリストに無し（公式リストで要確認）  '), ja[0]);
    assert.ok(ja.includes(String.raw`**ISMAP:** 読み込んだISMAPリスト（govsec bundled ISMAP list \(partial\)、2026\-09\-15時点、10件、部分的）に見当たりません`));
    assert.ok(!ja.some((line) => line.startsWith('**出典のある')));
    const en = lines(serviceCard(service('digitalocean'), catalogue().ismapList, 'en'));
    assert.ok(en[0].endsWith(String.raw`ISMAP: not in the partial list \(check the official list\)  `), en[0]);
    assert.ok(en.includes(String.raw`**ISMAP:** not found in the ISMAP list loaded \(govsec bundled ISMAP list \(partial\), as of 2026\-09\-15, 10 services, partial\)`));
  });

  it('shows Sakura’s conditional selection with its confidence and its zones', () => {
    const ja = lines(serviceCard(service('sakura-cloud'), catalogue().ismapList, 'ja'));
    assert.ok(ja.includes(String.raw`**ガバメントクラウド:** 条件付き採択（FY2023, 2023\-11\-28） · 確度: 中`));
    assert.ok(ja.includes('**国内リージョン:** tk1a: 東京第1ゾーン · tk1b: 東京第2ゾーン · is1a: 石狩第1ゾーン · is1b: 石狩第2ゾーン'));
    const en = lines(serviceCard(service('sakura-cloud'), catalogue().ismapList, 'en'));
    assert.ok(en.includes(String.raw`**Government Cloud:** selected on conditions \(FY2023, 2023\-11\-28\) · confidence: medium`));
    assert.ok(en.includes('**Regions in Japan:** tk1a: 東京第1ゾーン · tk1b: 東京第2ゾーン · is1a: 石狩第1ゾーン · is1b: 石狩第2ゾーン'));
  });

  it('escapes data', () => {
    const base = service('vercel');
    const hostile: ServiceEntry = { ...base, name: '**bold** [x](javascript:alert(1))', provider: '<img src=x>', sources: [{ title: 'T', url: 'http://insecure.example/' }] };
    for (const language of ['ja', 'en'] as const) {
      const card = serviceCard(hostile, catalogue().ismapList, language);
      assert.ok(card.startsWith(String.raw`**\*\*bold\*\* \[x\]\(javascript:alert\(1\)\)** · PaaS · ISMAP: `), card);
      assert.ok(card.includes(language === 'ja' ? String.raw`提供: \<img src=x\>` : String.raw`provider: \<img src=x\>`));
      assert.ok(card.includes(String.raw`- T \(http://insecure\.example/\)`));
    }
  });
});
