import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Catalogues } from '../../server/src/catalogues/catalogues';
import { compileCatalogues } from '../../server/src/catalogues/compile';
import {
  ismapObjectiveNumber,
  ismapSuffixMeaning,
  normalizeCommonStandardsId,
  normalizeControlId,
  normalizeIsmapId,
  normalizeIsoId,
  normalizeNistId,
} from '../../server/src/catalogues/ids';
import type { CompiledCatalogues } from '../../server/src/catalogues/types';
import { controlCard, controlCardFor } from '../../server/src/features/controlCard';
import { formatProblem } from '../../server/src/glossary/compile';
import { repoRoot } from '../helpers';

const controlsDirectory = path.join(repoRoot, 'glossary', 'controls');

function schema(): object {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'glossary', 'schema', 'catalogues.schema.json'), 'utf8'));
}

let compiled: CompiledCatalogues | undefined;
let catalogues: Catalogues | undefined;

/** The bundled catalogues, compiled once through the real compiler and a JSON round trip (as the build does). */
function bundled(): Catalogues {
  if (!catalogues) {
    const result = compileCatalogues(controlsDirectory, schema(), { displayRoot: repoRoot });
    assert.deepEqual(result.problems.map((problem) => formatProblem(problem, 'en')), []);
    compiled = JSON.parse(JSON.stringify(result.catalogues)) as CompiledCatalogues;
    catalogues = new Catalogues(compiled);
  }
  return catalogues;
}

describe('control catalogues: compiler', () => {
  it('validates the manifest and compiles glossary/controls with no problems', () => {
    const result = compileCatalogues(controlsDirectory, schema(), { displayRoot: repoRoot });
    assert.deepEqual(result.problems.map((problem) => formatProblem(problem, 'en')), []);
    assert.deepEqual(
      result.catalogues!.catalogues.map((catalogue) => catalogue.info.id),
      ['ismap', 'iso27001-2022', 'iso27001-2013', 'nist-sp800-53r5', 'common-standards-r7', 'common-standards-r5', 'common-standards-guideline-r5'],
    );
    for (const { info } of result.catalogues!.catalogues) {
      assert.match(info.source.url, /^https:\/\//, info.id);
      assert.match(info.asOf, /^\d{4}-\d{2}-\d{2}$/, info.id);
    }
  });

  it('keeps the index compact (no control text; under 200 kB of JSON)', () => {
    bundled();
    const size = Buffer.byteLength(JSON.stringify(compiled));
    assert.ok(size < 200_000, `${size} bytes`);
  });
});

describe('control catalogues: counts', () => {
  const count = (id: Parameters<Catalogues['all']>[0], level?: string) =>
    bundled().all(id).filter((control) => level === undefined || control.level === level).length;

  it('ISO/IEC 27001:2022 Annex A has 93 controls, 11 of them new in 2022', () => {
    assert.equal(count('iso27001-2022', 'control'), 93);
    const created = bundled().all('iso27001-2022').filter((control) => bundled().iso2022To2013(control.id).length === 0).map((control) => control.id);
    assert.deepEqual(created, ['A.5.7', 'A.5.23', 'A.5.30', 'A.7.4', 'A.8.9', 'A.8.10', 'A.8.11', 'A.8.12', 'A.8.16', 'A.8.23', 'A.8.28']);
  });

  it('ISO/IEC 27001:2013 Annex A has 114 controls, each mapped to 2022', () => {
    assert.equal(count('iso27001-2013', 'control'), 114);
    for (const control of bundled().all('iso27001-2013')) {
      assert.equal(bundled().iso2013To2022(control.id).length, 1, control.id);
    }
  });

  it('NIST SP 800-53 Rev. 5 has 1,189 controls and enhancements, 179 withdrawn, in 20 families', () => {
    const controls = bundled().all('nist-sp800-53r5').filter((control) => control.level !== 'family');
    assert.equal(controls.length, 1189);
    assert.equal(controls.filter((control) => control.withdrawn).length, 179);
    assert.equal(count('nist-sp800-53r5', 'enhancement'), 867);
    assert.equal(count('nist-sp800-53r5', 'family'), 20);
    const baseline = (name: string) => controls.filter((control) => control.baselines.includes(name as 'low')).length;
    assert.deepEqual([baseline('low'), baseline('moderate'), baseline('high'), baseline('privacy')], [149, 287, 370, 102]);
  });

  it('統一基準 令和7年度版 has 248 headings: 8 chapters, 27 sections, 59 subsections, 154 items', () => {
    assert.equal(bundled().all('common-standards-r7').length, 248);
    assert.deepEqual(
      ['chapter', 'section', 'subsection', 'item'].map((level) => count('common-standards-r7', level)),
      [8, 27, 59, 154],
    );
    const japanese = bundled().all('common-standards-r7').filter((control) => control.titleJa);
    assert.equal(japanese.filter((control) => control.titleJaSource === 'seed-r5').length, 4);
    assert.equal(japanese.filter((control) => control.titleJaSource === 'h30-guideline').length, 16);
  });

  it('ISMAP has the 261 unique IDs of the extract (24 governance, 85 management, 152 controls) plus 60 headings', () => {
    const ids = bundled().all('ismap').filter((control) => control.level !== 'domain' && control.level !== 'category');
    assert.equal(ids.length, 261);
    assert.deepEqual(
      ['governance', 'management', 'controls'].map((tier) => ids.filter((control) => control.tier === tier).length),
      [24, 85, 152],
    );
    assert.equal(count('ismap', 'objective'), 121);
    assert.equal(bundled().all('ismap').filter((control) => control.level === 'objective' && control.suffix === 'P').length, 7);
    assert.equal(count('ismap', 'detailed'), 31);
    assert.equal(bundled().all('ismap').filter((control) => control.suffix === 'PB').length, 28);
    assert.equal(bundled().all('ismap').length - ids.length, 60);
    assert.equal(bundled().info('ismap')!.partial, true);
  });
});

describe('control IDs: normalisation', () => {
  const cases: [string, (raw: string) => string | undefined, string, string | undefined][] = [
    // NIST SP 800-53
    ['NIST', normalizeNistId, 'AC-2(1)', 'AC-2(1)'],
    ['NIST', normalizeNistId, 'ac-2.1', 'AC-2(1)'],
    ['NIST', normalizeNistId, 'AC-02(01)', 'AC-2(1)'],
    ['NIST', normalizeNistId, 'AC - 2 (1)', 'AC-2(1)'],
    ['NIST', normalizeNistId, 'ＡＣ－２（１）', 'AC-2(1)'],
    ['NIST', normalizeNistId, 'ＡＣ－２', 'AC-2'],
    ['NIST', normalizeNistId, 'AC‐2(1)', 'AC-2(1)'],
    ['NIST', normalizeNistId, 'ac-02', 'AC-2'],
    ['NIST', normalizeNistId, 'SC-7(10)', 'SC-7(10)'],
    ['NIST', normalizeNistId, 'AC-', undefined],
    ['NIST', normalizeNistId, 'A-2', undefined],
    ['NIST', normalizeNistId, 'AC-0', undefined],
    ['NIST', normalizeNistId, 'AC-2(0)', undefined],
    ['NIST', normalizeNistId, 'AC-2(1)(a)', undefined],
    ['NIST', normalizeNistId, '', undefined],
    // ISO/IEC 27001:2022 Annex A
    ['ISO 2022', (raw) => normalizeIsoId(raw, 2022), 'A.5.15', 'A.5.15'],
    ['ISO 2022', (raw) => normalizeIsoId(raw, 2022), '5.15', 'A.5.15'],
    ['ISO 2022', (raw) => normalizeIsoId(raw, 2022), 'A 5.15', 'A.5.15'],
    ['ISO 2022', (raw) => normalizeIsoId(raw, 2022), 'Ａ．５．１５', 'A.5.15'],
    ['ISO 2022', (raw) => normalizeIsoId(raw, 2022), 'a.5.15', 'A.5.15'],
    ['ISO 2022', (raw) => normalizeIsoId(raw, 2022), 'A.05.15', 'A.5.15'],
    ['ISO 2022', (raw) => normalizeIsoId(raw, 2022), '3.2', undefined],
    ['ISO 2022', (raw) => normalizeIsoId(raw, 2022), 'A.9.1.1', undefined],
    ['ISO 2022', (raw) => normalizeIsoId(raw, 2022), 'A.5.0', undefined],
    // ISO/IEC 27001:2013 Annex A
    ['ISO 2013', (raw) => normalizeIsoId(raw, 2013), 'A.9.1.1', 'A.9.1.1'],
    ['ISO 2013', (raw) => normalizeIsoId(raw, 2013), '９．１．１', 'A.9.1.1'],
    ['ISO 2013', (raw) => normalizeIsoId(raw, 2013), 'A 18.2.3', 'A.18.2.3'],
    ['ISO 2013', (raw) => normalizeIsoId(raw, 2013), '5.15', undefined],
    ['ISO 2013', (raw) => normalizeIsoId(raw, 2013), 'A.19.1.1', undefined],
    // ISMAP
    ['ISMAP', normalizeIsmapId, '9.2.1.6.PB', '9.2.1.6.PB'],
    ['ISMAP', normalizeIsmapId, '９．２．１．６．ＰＢ', '9.2.1.6.PB'],
    ['ISMAP', normalizeIsmapId, '9.2.1.6.pb', '9.2.1.6.PB'],
    ['ISMAP', normalizeIsmapId, '9.2.1.6PB', '9.2.1.6.PB'],
    ['ISMAP', normalizeIsmapId, ' 9.2.1.6.PB ', '9.2.1.6.PB'],
    ['ISMAP', normalizeIsmapId, '9.5.1.P', '9.5.1.P'],
    ['ISMAP', normalizeIsmapId, '15.1.1.14.B', '15.1.1.14.B'],
    ['ISMAP', normalizeIsmapId, '09.02.01', '9.2.1'],
    ['ISMAP', normalizeIsmapId, '9.2.1.B', undefined],
    ['ISMAP', normalizeIsmapId, '9.2.1.6.P', undefined],
    ['ISMAP', normalizeIsmapId, '9.2.1.6.7', undefined],
    ['ISMAP', normalizeIsmapId, 'A.9.1.1', undefined],
    // 統一基準 and its guideline
    ['統一基準', normalizeCommonStandardsId, '2.1.1(5)(a)', '2.1.1(5)(a)'],
    ['統一基準', normalizeCommonStandardsId, '2.1.1（５）（ａ）', '2.1.1(5)(a)'],
    ['統一基準', normalizeCommonStandardsId, '２．１．１（５）（ａ）', '2.1.1(5)(a)'],
    ['統一基準', normalizeCommonStandardsId, '2.1.1 (5) (A)', '2.1.1(5)(a)'],
    ['統一基準', normalizeCommonStandardsId, '5.2.1(3)(d)', '5.2.1(3)(d)'],
    ['統一基準', normalizeCommonStandardsId, '2.1.1(5)-1', '2.1.1(5)-1'],
    ['統一基準', normalizeCommonStandardsId, '2.1.1（５）－１', '2.1.1(5)-1'],
    ['統一基準', normalizeCommonStandardsId, '1.1(1)', '1.1(1)'],
    ['統一基準', normalizeCommonStandardsId, '2.1.1-1', undefined],
    ['統一基準', normalizeCommonStandardsId, '2.1.1(0)', undefined],
    ['統一基準', normalizeCommonStandardsId, '2.1.1(5)(ab)', undefined],
  ];
  for (const [family, normalizeId, written, expected] of cases) {
    it(`${family}: ${JSON.stringify(written)} → ${expected ?? 'not an ID'}`, () => {
      assert.equal(normalizeId(written), expected);
    });
  }

  it('dispatches by catalogue (ISO editions by shape)', () => {
    assert.equal(normalizeControlId('iso27001-2022', '5.15'), 'A.5.15');
    assert.equal(normalizeControlId('iso27001-2013', '5.15'), undefined);
    assert.equal(normalizeControlId('nist-sp800-53r5', 'ac-2.1'), 'AC-2(1)');
    assert.equal(normalizeControlId('common-standards-r7', '2.1.1（５）'), '2.1.1(5)');
  });

  it('gives the ISMAP objective of a detailed ID and the meaning of each suffix', () => {
    assert.equal(ismapObjectiveNumber('9.2.1.6.PB'), '9.2.1');
    assert.equal(ismapObjectiveNumber('９．２．１．６．ＰＢ'), '9.2.1');
    assert.equal(ismapObjectiveNumber('9.2'), undefined);
    assert.equal(ismapSuffixMeaning('PB', 'detailed').en, 'cloud-specific detailed control that must in principle be implemented');
    assert.equal(ismapSuffixMeaning('B', 'detailed').en, 'detailed control that must in principle be implemented');
    assert.equal(ismapSuffixMeaning('', 'detailed').en, 'no suffix: optional, selected as necessary');
    assert.equal(ismapSuffixMeaning('P', 'objective').en, 'cloud-specific control objective (numbered as the ISO/IEC 27017 CLD control)');
  });
});

describe('control catalogues: lookup', () => {
  it('finds a control by every spelling of its ID', () => {
    for (const written of ['AC-2(1)', 'ac-2.1', 'AC-02(01)', 'AC - 2 (1)', 'ＡＣ－２（１）']) {
      const control = bundled().find('nist-sp800-53r5', written);
      assert.equal(bundled().lookup('nist-sp800-53r5', written)?.written, written);
      assert.equal(control?.id, 'AC-2(1)', written);
      assert.equal(control?.title, 'Automated System Account Management');
      assert.equal(control?.level, 'enhancement');
    }
    assert.equal(bundled().find('nist-sp800-53r5', 'ＡＣ－２')?.title, 'Account Management');
    for (const written of ['A.5.15', '5.15', 'A 5.15', 'Ａ．５．１５']) {
      assert.equal(bundled().find('iso27001-2022', written)?.title, 'Access control', written);
    }
    assert.equal(bundled().find('ismap', '９．２．１．６．ＰＢ')?.id, '9.2.1.6.PB');
    assert.equal(bundled().find('common-standards-r5', '2.1.1（５）（ａ）')?.id, '2.1.1(5)(a)');
    assert.equal(bundled().find('common-standards-r5', '5.2.1(3)(d)')?.level, 'requirement');
    assert.equal(bundled().find('common-standards-guideline-r5', '2.1.1（５）－１')?.level, 'basic-measure');
    assert.equal(bundled().find('common-standards-r7', '2.1.1(5)')?.titleJa, '最高情報セキュリティアドバイザーの設置');
  });

  it('looks an ID up across the editions of a family', () => {
    assert.equal(bundled().lookupInFamily('iso27001', '5.15')?.control.catalogue, 'iso27001-2022');
    assert.equal(bundled().lookupInFamily('iso27001', '9.1.1')?.control.catalogue, 'iso27001-2013');
    assert.equal(bundled().lookupInFamily('common-standards', '2.1.1(5)')?.control.catalogue, 'common-standards-r7');
    assert.equal(bundled().lookupInFamily('common-standards', '2.1.1(5)(a)')?.control.catalogue, 'common-standards-r5');
    assert.equal(bundled().lookupInFamily('common-standards', '2.1.1(5)-1')?.control.catalogue, 'common-standards-guideline-r5');
  });

  it('does not find unknown or malformed IDs', () => {
    assert.equal(bundled().find('nist-sp800-53r5', 'AC-99'), undefined);
    assert.equal(bundled().find('nist-sp800-53r5', 'AC-2(99)'), undefined);
    assert.equal(bundled().find('nist-sp800-53r5', 'IA-13'), undefined); // added in release 5.1.1, not in the data
    assert.equal(bundled().find('iso27001-2022', 'A.5.38'), undefined);
    assert.equal(bundled().find('iso27001-2022', 'A.8.40'), undefined);
    assert.equal(bundled().find('iso27001-2022', '3.2'), undefined);
    assert.equal(bundled().find('ismap', '9.7.1'), undefined);
    assert.equal(bundled().resolve('ismap', '9.7.1'), undefined);
    assert.equal(bundled().resolve('ismap', '9.7.1.1'), undefined);
    assert.equal(bundled().find('common-standards-r7', '9.1'), undefined);
  });

  it('marks withdrawn NIST controls and gives baselines', () => {
    const withdrawn = bundled().find('nist-sp800-53r5', 'AC-13')!;
    assert.equal(withdrawn.withdrawn, true);
    assert.deepEqual(withdrawn.baselines, []);
    assert.deepEqual(bundled().find('nist-sp800-53r5', 'AC-2')!.baselines, ['low', 'moderate', 'high']);
    assert.equal(bundled().find('nist-sp800-53r5', 'SR-2(1)')!.title, 'Establish SCRM Team'); // OSCAL casing
  });

  it('finds ISMAP IDs written without their suffix, and tells a differing suffix apart', () => {
    assert.equal(bundled().find('ismap', '9.2.1.6')?.id, '9.2.1.6.PB');
    assert.equal(bundled().find('ismap', '9.5.1')?.id, '9.5.1.P');
    assert.equal(bundled().find('ismap', '9.2.1.6.B'), undefined);
    assert.equal(bundled().resolve('ismap', '9.2.1.6.B')?.match, 'suffix-differs');
    assert.equal(bundled().resolve('ismap', '9.2.1.6')?.match, 'suffix-omitted');
  });

  it('falls back on the listed objective or item only in partial catalogues', () => {
    const detailed = bundled().resolve('ismap', '9.2.1.3')!;
    assert.deepEqual([detailed.key, detailed.control.id, detailed.match], ['9.2.1.3', '9.2.1', 'ancestor']);
    const requirement = bundled().resolve('common-standards-r7', '4.2.1（２）（ｃ）')!;
    assert.deepEqual([requirement.key, requirement.control.id, requirement.match], ['4.2.1(2)(c)', '4.2.1(2)', 'ancestor']);
    assert.equal(bundled().find('common-standards-r7', '4.2.1(2)(c)'), undefined);
    assert.equal(bundled().resolve('common-standards-r7', '4.2.9(2)(c)'), undefined); // no fallback past the item
    assert.equal(bundled().resolve('common-standards-r7', '2.1.1(5)-1'), undefined); // a guideline ID is not R7's
    assert.equal(bundled().resolve('nist-sp800-53r5', 'AC-2(99)'), undefined); // NIST is complete: no fallback
  });

  it('gives objectives, parents and children', () => {
    assert.equal(bundled().objectiveOf('9.2.1.6.PB')?.id, '9.2.1');
    assert.equal(bundled().objectiveOf('9.5.2.1.PB')?.id, '9.5.2.P');
    assert.equal(bundled().objectiveOf('3.1.2.1')?.id, '3.1.2');
    assert.equal(bundled().objectiveOf('9.2.1.3')?.id, '9.2.1');
    assert.equal(bundled().parentOf('nist-sp800-53r5', 'AC-2(1)')?.id, 'AC-2');
    assert.equal(bundled().parentOf('nist-sp800-53r5', 'AC-2')?.id, 'AC');
    assert.deepEqual(bundled().children('ismap', '9.2').map((control) => control.id), ['9.2.1', '9.2.2', '9.2.3', '9.2.4', '9.2.5', '9.2.6']);
    assert.deepEqual(bundled().children('ismap', '９．２．１').map((control) => control.id), ['9.2.1.6.PB']);
    assert.deepEqual(bundled().children('ismap', '9.5').map((control) => control.id), ['9.5.1.P', '9.5.2.P']);
    assert.deepEqual(bundled().children('ismap', '9.5.2.P').map((control) => control.id), ['9.5.2.1.PB']);
    assert.equal(bundled().children('nist-sp800-53r5', 'AC-2').length, 13);
    assert.equal(bundled().children('nist-sp800-53r5', 'ac').length, 25);
    assert.equal(bundled().children('nist-sp800-53r5').length, 20);
    assert.equal(bundled().children('iso27001-2022', 'A.5').length, 37);
    assert.equal(bundled().children('iso27001-2013', '9.').length, 14);
    assert.deepEqual(bundled().children('common-standards-r7', '2.1.1').map((control) => control.id), [
      '2.1.1(1)', '2.1.1(2)', '2.1.1(3)', '2.1.1(4)', '2.1.1(5)', '2.1.1(6)', '2.1.1(7)', '2.1.1(8)',
    ]);
    assert.deepEqual(bundled().children('ismap', 'not an id'), []);
  });
});

describe('control catalogues: mappings', () => {
  const ids = (mappings: readonly { from: { id: string }; to: { id: string } }[], side: 'from' | 'to') => mappings.map((mapping) => mapping[side].id);

  it('maps ISMAP 9.1.1 → ISO/IEC 27001:2013 A.9.1.1 → ISO/IEC 27001:2022 A.5.15', () => {
    const iso2013 = bundled().ismapToIso2013('9.1.1')!;
    assert.equal(iso2013.id, 'A.9.1.1');
    assert.equal(iso2013.title, 'Access control policy');
    const onward = bundled().iso2013To2022(iso2013.id);
    assert.deepEqual(ids(onward, 'to'), ['A.5.15']);
    assert.equal(onward[0].relationship, 'subset');
    assert.deepEqual(onward[0].sources, ['intuitem', 'vladsecurity']);
    assert.equal(bundled().ismapToIso2013('9.2.1.6.PB')?.id, 'A.9.2.1'); // via its objective
    assert.equal(bundled().ismapToIso2013('9.5.1.P'), undefined); // cloud-only: ISO/IEC 27017 CLD.9.5.1
    assert.equal(bundled().ismapToIso2013('9.5.2.1.PB'), undefined);
    assert.equal(bundled().ismapToIso2013('3.1.2'), undefined); // governance criteria
    assert.equal(bundled().iso2013ToIsmap('A.9.1.1')?.id, '9.1.1');
    assert.equal(bundled().find('ismap', '9.1.1')?.title, 'Access control policy');
  });

  it('maps ISO/IEC 27001:2022 A.5.15 back to 2013 A.9.1.1 and A.9.1.2', () => {
    assert.deepEqual(ids(bundled().iso2022To2013('A.5.15'), 'from'), ['A.9.1.1', 'A.9.1.2']);
    assert.deepEqual(ids(bundled().iso2022To2013('5.18'), 'from'), ['A.9.2.2', 'A.9.2.5', 'A.9.2.6']);
    assert.deepEqual(ids(bundled().iso2022To2013('A.5.7'), 'from'), []);
  });

  it('maps A.13.2.1–A.13.2.3 to A.5.14 Information transfer, not to A.8.14 (the rows the reference README flags)', () => {
    for (const id of ['A.13.2.1', 'A.13.2.2', 'A.13.2.3']) {
      const mappings = bundled().iso2013To2022(id);
      assert.deepEqual(ids(mappings, 'to'), ['A.5.14'], id);
      assert.equal(mappings[0].relationship, '');
      assert.deepEqual(mappings[0].sources, ['vladsecurity']);
    }
    assert.deepEqual(ids(bundled().iso2022To2013('A.5.14'), 'from'), ['A.13.2.1', 'A.13.2.2', 'A.13.2.3']);
    assert.deepEqual(ids(bundled().iso2022To2013('A.8.14'), 'from'), ['A.17.2.1']);
  });

  it('links the 統一基準 editions and the guideline', () => {
    const r5 = bundled().find('common-standards-r5', '2.1.1(5)')!;
    assert.equal(bundled().editionLink(r5)?.catalogue, 'common-standards-r7');
    assert.equal(bundled().editionLink(r5)?.title, 'Designation of the chief information security advisor');
    const measure = bundled().find('common-standards-guideline-r5', '2.1.1(5)-1')!;
    assert.equal(bundled().editionLink(measure)?.id, '2.1.1(5)(a)');
    assert.deepEqual(bundled().editionLinksTo(bundled().find('common-standards-r5', '2.1.1(5)(a)')!).map((control) => control.id), ['2.1.1(5)-1']);
  });
});

describe('control hover card', () => {
  it('in Japanese: ID and title, catalogue and status first; the English title labelled where the data has no Japanese one', () => {
    assert.deepEqual(controlCardFor(bundled(), 'nist-sp800-53r5', 'ac-02(01)', 'ja')!.split('\n'), [
      '**NIST SP 800\\-53 Rev\\. 5 AC\\-2\\(1\\)** （英語）Automated System Account Management  ',
      'NIST SP 800\\-53 第5版 セキュリティ及びプライバシー管理策 · 現行版  ',
      '表記「ac\\-02\\(01\\)」→ AC\\-2\\(1\\)',
      '',
      '---',
      '',
      '- **区分:** 管理策の拡張',
      '- **基本管理策:** AC\\-2 （英語）Account Management',
      '- **ファミリー:** AC （英語）Access Control',
      '- **ベースライン:** MODERATE · HIGH',
      '',
      '---',
      '',
      '**出典:** [NIST SP 800\\-53 Rev\\. 5, Security and Privacy Controls for Information Systems and Organizations](https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final)',
      '',
      '**版:** （英語）Rev\\. 5 \\(control catalog spreadsheet, updates as of 2020\\-12\\-10; baselines from OSCAL release 5\\.1\\.1\\)',
      '',
      '*時点 2026\\-11\\-26 · govsecカタログ: nist\\-sp800\\-53r5*',
    ]);
  });

  it('in English: the same card with English labels and titles', () => {
    assert.deepEqual(controlCardFor(bundled(), 'nist-sp800-53r5', 'ac-02(01)', 'en')!.split('\n'), [
      '**NIST SP 800\\-53 Rev\\. 5 AC\\-2\\(1\\)** Automated System Account Management  ',
      'NIST SP 800\\-53 Rev\\. 5 Security and Privacy Controls for Information Systems and Organizations · current edition  ',
      'written \\"ac\\-02\\(01\\)\\" → AC\\-2\\(1\\)',
      '',
      '---',
      '',
      '- **Level:** control enhancement',
      '- **Base control:** AC\\-2 Account Management',
      '- **Family:** AC Access Control',
      '- **Baselines:** MODERATE · HIGH',
      '',
      '---',
      '',
      '**Source:** [NIST SP 800\\-53 Rev\\. 5, Security and Privacy Controls for Information Systems and Organizations](https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final)',
      '',
      '**Edition:** Rev\\. 5 \\(control catalog spreadsheet, updates as of 2020\\-12\\-10; baselines from OSCAL release 5\\.1\\.1\\)',
      '',
      '*as of 2026\\-11\\-26 · govsec catalogue: nist\\-sp800\\-53r5*',
    ]);
  });

  it('says on its second line that a NIST control is withdrawn, and an edition superseded', () => {
    const ja = controlCardFor(bundled(), 'nist-sp800-53r5', 'AC-13', 'ja')!;
    assert.equal(ja.split('\n')[1], 'NIST SP 800\\-53 第5版 セキュリティ及びプライバシー管理策 · **⚠ 廃止**');
    assert.ok(ja.includes('\n- **⚠ 廃止** — 統合先はデータにない\n'));
    assert.ok(!ja.includes('ベースライン'));
    const en = controlCardFor(bundled(), 'nist-sp800-53r5', 'AC-13', 'en')!;
    assert.equal(en.split('\n')[1], 'NIST SP 800\\-53 Rev\\. 5 Security and Privacy Controls for Information Systems and Organizations · **⚠ withdrawn**');
    assert.ok(en.includes('\n- **⚠ Withdrawn** — the data does not name the control it was incorporated into\n'));
    assert.equal(controlCardFor(bundled(), 'iso27001-2013', 'A.9.2.1', 'ja')!.split('\n')[1], 'ISO/IEC 27001:2013 附属書A 管理策 · **⚠ 旧版** → ISO/IEC 27001:2022');
    assert.equal(
      controlCardFor(bundled(), 'common-standards-r5', '2.1.1(5)(a)', 'en')!.split('\n')[1],
      'Common Standards for Cybersecurity Measures for Government Agencies and Related Agencies · **⚠ superseded edition** → Common Standards \\(FY2025 edition\\)',
    );
    assert.equal(controlCardFor(bundled(), 'ismap', '9.1.1', 'ja')!.split('\n')[1], 'ISMAP管理基準 · 新しい版の有無は未確認');
  });

  it('shows an ISMAP detailed control: tier, level, suffix meaning, objective, mappings and the partial-data note', () => {
    const ja = controlCardFor(bundled(), 'ismap', '９．２．１．６．ＰＢ', 'ja')!.split('\n');
    assert.deepEqual(ja.slice(0, 3), ['**ISMAP管理基準 9\\.2\\.1\\.6\\.PB**  ', 'ISMAP管理基準 · 新しい版の有無は未確認  ', '表記「９．２．１．６．ＰＢ」→ 9\\.2\\.1\\.6\\.PB']);
    for (const line of [
      '- **区分:** 詳細管理策',
      '- **階層:** 管理策基準',
      '- **接尾辞:** \\.PB — クラウドサービス固有の詳細管理策。原則として実施が必須',
      '- **管理目的:** 9\\.2\\.1 （英語）User registration and de\\-registration',
      '- **上位:** 9 アクセス制御 › 9\\.2 利用者アクセスの管理',
      '- **準拠:** ISO/IEC 27017:2015',
      '**対応:**',
      '- ISO/IEC 27001:2013 A\\.9\\.2\\.1 （英語）User registration and de\\-registration（管理目的 9\\.2\\.1 と同一番号） → ISO/IEC 27001:2022 A\\.5\\.16 識別情報の管理（2013年版が2022年版の一部 · intuitem, vladsecurity）',
      '**出典:** [ISMAP 管理基準 \\(Control Criteria\\)](https://www.ismap.go.jp/csm?id=kb_article_view&sysparm_article=KB0010028&sys_kb_id=757ef62ac3755250076ededb05013195&spa=1)',
      '*時点 2026\\-11\\-26 · govsecカタログ: ismap*',
    ]) {
      assert.ok(ja.includes(line), `missing line: ${line}\n---\n${ja.join('\n')}`);
    }
    assert.ok(ja.some((line) => line.startsWith('**部分データ:** （英語）Partial: governance \\(24\\) and management \\(85\\) criteria')));
    const en = controlCardFor(bundled(), 'ismap', '９．２．１．６．ＰＢ', 'en')!.split('\n');
    assert.deepEqual(en.slice(0, 3), [
      '**ISMAP Control Criteria \\(2022\\-04\\-01 edition\\) 9\\.2\\.1\\.6\\.PB**  ',
      'ISMAP Control Criteria · newer edition not checked  ',
      'written \\"９．２．１．６．ＰＢ\\" → 9\\.2\\.1\\.6\\.PB',
    ]);
    for (const line of [
      '- **Level:** detailed control',
      '- **Tier:** controls criteria',
      '- **Suffix:** \\.PB — cloud\\-specific detailed control that must in principle be implemented',
      '- **Objective:** 9\\.2\\.1 User registration and de\\-registration',
      '- **Within:** 9 Access control › 9\\.2 User access management',
      '- ISO/IEC 27001:2013 A\\.9\\.2\\.1 User registration and de\\-registration \\(its objective 9\\.2\\.1\\\'s number\\) → ISO/IEC 27001:2022 A\\.5\\.16 Identity management \\(subset · intuitem, vladsecurity\\)',
    ]) {
      assert.ok(en.includes(line), `missing line: ${line}\n---\n${en.join('\n')}`);
    }
    assert.ok(en.some((line) => line.startsWith('**Partial data:** Partial: governance \\(24\\)')));
  });

  it('shows the ISMAP 9.1.1 → A.9.1.1 → A.5.15 chain on the objective card, the Japanese title with its source', () => {
    const ja = controlCardFor(bundled(), 'ismap', '9.1.1', 'ja')!;
    assert.ok(ja.startsWith('**ISMAP管理基準 9\\.1\\.1** アクセス制御方針（JIS Q 27001:2014 附属書A の見出し）  \n'), ja);
    assert.ok(!ja.includes('Access control policy'), 'one language: no English title next to the Japanese one');
    assert.ok(ja.includes('\n- ISO/IEC 27001:2013 A\\.9\\.1\\.1 アクセス制御方針（同一番号） → ISO/IEC 27001:2022 A\\.5\\.15 アクセス制御（2013年版が2022年版の一部 · intuitem, vladsecurity）\n'));
    assert.ok(ja.includes('\n- **接尾辞:** なし — 管理目的。原則として全て実施\n'));
    const en = controlCardFor(bundled(), 'ismap', '9.1.1', 'en')!;
    assert.ok(en.startsWith('**ISMAP Control Criteria \\(2022\\-04\\-01 edition\\) 9\\.1\\.1** Access control policy  \n'), en);
    assert.ok(en.includes('\n- ISO/IEC 27001:2013 A\\.9\\.1\\.1 Access control policy \\(same number\\) → ISO/IEC 27001:2022 A\\.5\\.15 Access control \\(subset · intuitem, vladsecurity\\)\n'));
  });

  it('shows the 2013 sources, ISMAP objectives and theme on an ISO/IEC 27001:2022 card, without a partial note', () => {
    const ja = controlCardFor(bundled(), 'iso27001-2022', 'Ａ．５．１５', 'ja')!;
    assert.ok(ja.includes('\n- **テーマ:** 組織的管理策\n'));
    assert.ok(ja.includes('\n- ← ISO/IEC 27001:2013 A\\.9\\.1\\.2 ネットワーク及びネットワークサービスへのアクセス（2013年版が2022年版の一部 · intuitem, vladsecurity）\n'));
    assert.ok(ja.includes('\n- ← ISMAP管理基準 9\\.1\\.1, 9\\.1\\.2（ISO/IEC 27001:2013 と同一番号の管理目的）\n'));
    assert.ok(!ja.includes('部分データ'));
    const en = controlCardFor(bundled(), 'iso27001-2022', 'Ａ．５．１５', 'en')!;
    assert.ok(en.includes('\n- **Theme:** organizational controls\n'));
    assert.ok(en.includes('\n- ← ISMAP Control Criteria \\(2022\\-04\\-01 edition\\) 9\\.1\\.1, 9\\.1\\.2 \\(objectives numbered as in ISO/IEC 27001:2013\\)\n'));
    assert.ok(controlCardFor(bundled(), 'iso27001-2022', 'A.8.11', 'ja')!.includes('\n- **新設:** 2022年版で新設\n'));
    assert.ok(controlCardFor(bundled(), 'iso27001-2022', 'A.8.11', 'en')!.includes('\n- **New:** new in the 2022 edition\n'));
  });

  it('says when an ID is missing from a partial catalogue and shows what is listed above it', () => {
    const ja = controlCardFor(bundled(), 'ismap', '9.2.1.3', 'ja')!;
    assert.ok(ja.startsWith('**ISMAP管理基準 9\\.2\\.1\\.3**  \nISMAP管理基準 · 新しい版の有無は未確認  \n**収録外:** 9\\.2\\.1\\.3 は収録データにない。上位の 9\\.2\\.1 を表示\n'), ja);
    assert.ok(ja.includes('\n- **接尾辞:** なし — 接尾辞なし: 任意（必要に応じて選択）\n'));
    const en = controlCardFor(bundled(), 'ismap', '9.2.1.3', 'en')!;
    assert.ok(en.includes('\n**Not listed:** 9\\.2\\.1\\.3 is not in the bundled data; showing 9\\.2\\.1\n'), en);
    const r7 = controlCardFor(bundled(), 'common-standards-r7', '4.2.1(2)(c)', 'ja')!;
    assert.ok(r7.includes('\n- **区分:** 遵守事項\n'));
    assert.ok(r7.includes('› 4\\.2\\.1\\(2\\) （英語）Selection of cloud services\n'));
    assert.ok(controlCardFor(bundled(), 'common-standards-r7', '4.2.1(2)(c)', 'en')!.includes('\n- **Within:** 4 Outsourcing › 4\\.2 Use of Cloud Services ›'));
  });

  it('marks Japanese 統一基準 headings by where they come from', () => {
    const seed = controlCardFor(bundled(), 'common-standards-r7', '2.1.1(5)', 'ja')!.split('\n');
    assert.equal(seed[0], '**統一基準（令和7年度版） 2\\.1\\.1\\(5\\)** 最高情報セキュリティアドバイザーの設置（令和5年度版の見出し）  ');
    assert.equal(seed[1], '政府機関等のサイバーセキュリティ対策のための統一基準 · 現行版');
    const english = controlCardFor(bundled(), 'common-standards-r7', '2.1.1(5)', 'en')!.split('\n');
    assert.equal(english[0], '**Common Standards \\(FY2025 edition\\) 2\\.1\\.1\\(5\\)** Designation of the chief information security advisor  ');
    const indicative = controlCardFor(bundled(), 'common-standards-r7', '7', 'ja')!.split('\n');
    assert.match(indicative[0], /^\*\*統一基準（令和7年度版） 7\*\* 情報システムのセキュリティ要件（参考: 平成30年度版ガイドラインの見出し。/);
  });

  it('escapes data and links only to https', () => {
    const hostile: CompiledCatalogues = {
      format: 2,
      catalogues: [
        {
          info: {
            id: 'iso27001-2022',
            family: 'iso27001',
            label: 'ISO <b>x</b>',
            name: { ja: '名前', en: 'Name' },
            edition: 'ed',
            source: { title: 'src](command:workbench.action.quit)', url: 'javascript:alert(1)' },
            provenance: 'p',
            licence: 'l',
            asOf: '2026-11-26',
            partial: true,
            coverage: '<img src=x onerror=alert(1)>',
          },
          files: ['iso.csv'],
          levels: ['control'],
          rows: [{ i: 'A.5.1', l: 0, t: '[x](command:workbench.action.quit) `code`', r: 'Organizational', n: 2 }],
        },
      ],
      mappings: [],
    };
    for (const language of ['ja', 'en'] as const) {
      const card = controlCard(new Catalogues(hostile), new Catalogues(hostile).resolve('iso27001-2022', 'A.5.1')!, language);
      assert.ok(card.includes('\\[x\\]\\(command:workbench\\.action\\.quit\\) \\`code\\`'));
      assert.ok(card.includes('ISO \\<b\\>x\\</b\\>'));
      assert.ok(card.includes('\\<img src=x onerror=alert\\(1\\)\\>'));
      const source = language === 'ja' ? '**出典:**' : '**Source:**';
      assert.ok(card.includes(`${source} src\\]\\(command:workbench\\.action\\.quit\\) \\(javascript:alert\\(1\\)\\)`), card);
      assert.ok(!/\]\((?!https:)/.test(card.replace(/\\\]\\\(/g, '')), 'only https links');
    }
  });
});

describe('control catalogues: problem reports', () => {
  let directory: string;

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-catalogues-'));
    for (const name of fs.readdirSync(controlsDirectory)) {
      fs.copyFileSync(path.join(controlsDirectory, name), path.join(directory, name));
    }
  });

  afterEach(() => {
    fs.rmSync(directory, { recursive: true, force: true });
  });

  const edit = (name: string, change: (text: string) => string) => {
    const file = path.join(directory, name);
    const before = fs.readFileSync(file, 'utf8');
    const after = change(before);
    assert.notEqual(after, before, `no change made to ${name}`);
    fs.writeFileSync(file, after);
  };
  const problems = () => compileCatalogues(directory, schema(), { displayRoot: directory }).problems.map((problem) => formatProblem(problem, 'en'));
  const lineOf = (name: string, needle: string) =>
    fs.readFileSync(path.join(directory, name), 'utf8').split('\n').findIndex((line) => line.includes(needle)) + 1;
  const lineStarting = (name: string, prefix: string) =>
    fs.readFileSync(path.join(directory, name), 'utf8').split('\n').findIndex((line) => line.startsWith(prefix)) + 1;

  it('reports schema violations in the manifest with file, line and column', () => {
    edit('catalogues.yaml', (text) => text.replace('url: https://csrc.nist.gov/', 'url: http://csrc.nist.gov/').replace('    partial: false\n', '    partial: no\n'));
    const urlLine = lineOf('catalogues.yaml', 'url: http://csrc.nist.gov/');
    const partialLine = lineOf('catalogues.yaml', 'partial: no');
    assert.deepEqual(problems(), [
      `catalogues.yaml:${partialLine}:14: /catalogues/1/partial: must be boolean`,
      `catalogues.yaml:${urlLine}:12: /catalogues/3/source/url: must match pattern "^https://[^\\s]+$"`,
    ]);
  });

  it('reports YAML errors, unknown catalogues and wrong row counts at their manifest line', () => {
    edit('catalogues.yaml', (text) => text.replace('  - id: iso27001-2013\n', '  - id: iso27001-2005\n'));
    assert.deepEqual(problems(), [
      `catalogues.yaml:${lineOf('catalogues.yaml', 'id: iso27001-2005')}:9: /catalogues/2/id: must be one of "ismap", "iso27001-2022", "iso27001-2013", "nist-sp800-53r5", "common-standards-r7", "common-standards-r5", "common-standards-guideline-r5"`,
    ]);
    fs.copyFileSync(path.join(controlsDirectory, 'catalogues.yaml'), path.join(directory, 'catalogues.yaml'));
    edit('catalogues.yaml', (text) => text.replace('    rows: 1189\n', '    rows: 1190\n'));
    assert.deepEqual(problems(), [`catalogues.yaml:${lineOf('catalogues.yaml', 'rows: 1190')}:11: nist-sp800-53r5-controls.csv has 1189 data rows, the manifest says 1190`]);
    fs.writeFileSync(path.join(directory, 'catalogues.yaml'), 'kind: catalogues\ncatalogues: [\n');
    assert.equal(problems()[0].startsWith('catalogues.yaml:3:1: YAML: '), true);
  });

  it('reports bad IDs, values and cross references in the CSV files at their line and column', () => {
    edit('nist-sp800-53r5-controls.csv', (text) => text.replace('\nAC-2(1),', '\nac-2.1,').replace('\nAC-3,Access Enforcement,Access Enforcement,false,', '\nAC-3,Access Enforcement,Access Enforcement,maybe,'));
    edit('iso27001-2013-to-2022.csv', (text) => text.replace('A.9.1.1,A.5.15,', 'A.9.1.1,A.5.99,'));
    edit('ismap-control-criteria.csv', (text) => text.replace('\n9.2.1.6.PB,controls,detailed,PB,', '\n9.2.1.6.PB,controls,objective,PB,'));
    assert.deepEqual(problems(), [
      `ismap-control-criteria.csv:${lineOf('ismap-control-criteria.csv', '9.2.1.6.PB,')}:21: "objective" does not fit 9.2.1.6.PB in the controls tier`,
      `nist-sp800-53r5-controls.csv:${lineOf('nist-sp800-53r5-controls.csv', 'ac-2.1,')}:1: ID "ac-2.1" must be written in its normalised form "AC-2(1)"`,
      `nist-sp800-53r5-controls.csv:${lineOf('nist-sp800-53r5-controls.csv', 'AC-3,Access')}:44: withdrawn: must be "true" or "false", not "maybe"`,
      'nist-sp800-53r5-families.csv:2:19: family AC has 146 controls and enhancements in nist-sp800-53r5-controls.csv, not 147',
      `iso27001-2013-to-2022.csv:${lineOf('iso27001-2013-to-2022.csv', 'A.5.99')}:9: "A.5.99" is not in iso27001-2022`,
    ]);
  });

  it('reports blank lines and CSV syntax at their line, and then checks nothing else against the half-read table', () => {
    edit('iso27001-2022-annex-a.csv', (text) => text.replace('\nA.5.3,Organizational,', '\n\nA.5.3,Organizational,').replace('A.5.10,Organizational,', 'A.5.10,Organizational,x"'));
    assert.deepEqual(problems(), [
      `iso27001-2022-annex-a.csv:${lineOf('iso27001-2022-annex-a.csv', 'A.5.3,') - 1}:1: blank line`,
      `iso27001-2022-annex-a.csv:${lineOf('iso27001-2022-annex-a.csv', 'A.5.10,')}:1: quote inside an unquoted field`,
    ]);
    edit('iso27001-2022-annex-a.csv', (text) => text.replace('x"', '').replace(/\n$/, ',"\n'));
    const lastLine = fs.readFileSync(path.join(directory, 'iso27001-2022-annex-a.csv'), 'utf8').split('\n').length - 1;
    assert.deepEqual(problems(), [
      `iso27001-2022-annex-a.csv:${lineOf('iso27001-2022-annex-a.csv', 'A.5.3,') - 1}:1: blank line`,
      `iso27001-2022-annex-a.csv:${lastLine}:1: a quoted field is never closed`,
    ]);
  });

  it('records the file and line of every row, counting line breaks inside quoted fields', () => {
    edit('iso27001-2022-annex-a.csv', (text) => text.replace('A.5.1,Organizational,Policies for information security', 'A.5.1,Organizational,"Policies for\r\ninformation security"'));
    const result = compileCatalogues(directory, schema(), { displayRoot: directory });
    assert.deepEqual(result.problems, []);
    const compiledHere = new Catalogues(result.catalogues!);
    assert.equal(compiledHere.find('iso27001-2022', 'A.5.1')?.title, 'Policies for\r\ninformation security');
    assert.deepEqual(compiledHere.rowLocation('iso27001-2022', 'A.5.1'), { file: 'iso27001-2022-annex-a.csv', line: 2 });
    assert.deepEqual(compiledHere.rowLocation('iso27001-2022', 'A.5.2'), { file: 'iso27001-2022-annex-a.csv', line: 4 });
    assert.deepEqual(compiledHere.rowLocation('ismap', '9.2'), { file: 'ismap-headings.csv', line: lineStarting('ismap-headings.csv', '9.2,') });
    assert.deepEqual(compiledHere.rowLocation('ismap', '9.2.1'), { file: 'ismap-control-criteria.csv', line: lineStarting('ismap-control-criteria.csv', '9.2.1,') });
    assert.deepEqual(compiledHere.rowLocation('nist-sp800-53r5', 'AC'), { file: 'nist-sp800-53r5-families.csv', line: 2 });
    assert.equal(compiledHere.rowLocation('nist-sp800-53r5', 'AC-99'), undefined);
  });

  it('reports a Japanese title source that is unknown, or given without a title', () => {
    edit('iso27001-2022-annex-a.csv', (text) =>
      text.replace('情報セキュリティの役割及び責任,jis-2023', '情報セキュリティの役割及び責任,jis-2014').replace('職務の分離,jis-2023', ',jis-2023'),
    );
    assert.deepEqual(problems(), [
      `iso27001-2022-annex-a.csv:${lineStarting('iso27001-2022-annex-a.csv', 'A.5.2,')}:86: title_ja_source: must be one of "jis-2023", not "jis-2014"`,
      `iso27001-2022-annex-a.csv:${lineStarting('iso27001-2022-annex-a.csv', 'A.5.3,')}:45: title_ja_source: only with a title_ja`,
    ]);
  });

  it('reports a header that does not match the manifest', () => {
    edit('iso27001-2022-annex-a.csv', (text) => text.replace('id,theme,title', 'id,title,theme'));
    assert.deepEqual(problems(), ['iso27001-2022-annex-a.csv:1:4: header must be "id,theme,title,title_ja,title_ja_source" as the manifest says, not "id,title,theme,title_ja,title_ja_source"']);
  });
});
