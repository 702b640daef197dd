/**
 * The ISMAP evidence of the reference data (test/fixtures/services/ismap-evidence.yaml): every service in it is
 * in the catalogue with its state and a source the evidence gives, and no service the evidence shows as
 * registered gets a finding from ismap/unregistered-service — checked on the data and through the rule.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { analyzeDocument } from '../../server/src/analysis';
import { ismapUnregisteredServiceRule } from '../../server/src/rules/ismap/unregisteredService';
import { ismapAssessment, normalizeRegistrationNumber, unregisteredFinding } from '../../server/src/services/status';
import type { ServiceEntry } from '../../server/src/services/types';
import { bundledKnowledge, repoRoot } from '../helpers';

interface EvidenceRow {
  readonly name: string;
  readonly service: string;
  readonly state: 'registered' | 'not-registered' | 'unconfirmed';
  readonly number?: string;
  readonly date?: string;
  readonly source?: string;
}

const evidence = parseYaml(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'services', 'ismap-evidence.yaml'), 'utf8'), {
  schema: 'failsafe',
}) as EvidenceRow[];

const SPEC = '---\ndoctype: gov-procurement-spec\ntitle: 業務システム 調達仕様書\n---\n\n# 業務システム 調達仕様書\n\n';

function serviceOf(row: EvidenceRow): ServiceEntry {
  const found = bundledKnowledge().services.find((service) => service.id === row.service);
  assert.ok(found, `${row.name}: no catalogue service "${row.service}"`);
  return found;
}

/** A way of writing the service that the text matcher knows: its name, or its first matched alias. */
function spellingOf(service: ServiceEntry): string {
  const spelling = service.term !== undefined || service.matchName !== false ? service.name : service.aliases.find((alias) => alias.match !== false)?.text;
  assert.ok(spelling, service.id);
  return spelling;
}

describe('ISMAP evidence of the reference data', () => {
  it(`covers the evidence files (${evidence.length} rows, each service once per name)`, () => {
    assert.equal(evidence.filter((row) => row.state === 'registered').length, 30);
    assert.equal(evidence.filter((row) => row.state === 'not-registered').length, 4);
    assert.equal(new Set(evidence.map((row) => row.name)).size, evidence.length);
  });

  for (const row of evidence) {
    it(`${row.name}: ${row.state}`, () => {
      const service = serviceOf(row);
      const list = bundledKnowledge().ismapList;
      const assessment = ismapAssessment(service, list);
      const reported = row.state === 'not-registered' ? service.notRegistered : service.ismap;
      if (row.source !== undefined) {
        assert.ok(
          reported.some((fact) => fact.sources.some((source) => source.url === row.source)),
          `${row.service} does not cite ${row.source}`,
        );
      }
      if (row.state === 'registered') {
        assert.ok(['listed', 'reported-registered'].includes(assessment.state), assessment.state);
        assert.equal(unregisteredFinding(assessment, list, { ja: 'x', en: 'x' }), undefined);
        assert.deepEqual(service.notRegistered, []);
        if (row.number !== undefined) {
          assert.equal(assessment.state, 'listed');
          assert.ok(service.ismap.some((fact) => fact.registrationNumber && normalizeRegistrationNumber(fact.registrationNumber) === row.number), row.number);
        }
        if (row.date !== undefined) {
          assert.ok(service.ismap.some((fact) => (fact.registered ?? fact.announced) === row.date), `${row.service}: date ${row.date}`);
        }
      } else if (row.state === 'not-registered') {
        assert.equal(assessment.state, 'reported-not-registered');
        assert.equal(unregisteredFinding(assessment, list, { ja: 'x', en: 'x' })?.severity, 'warning');
      } else {
        // A claim without a source URL stays a prompt to check the official list.
        assert.equal(assessment.state, 'not-in-partial-list');
        assert.ok(service.caveat, `${row.service}: the unconfirmed claim belongs in the caveat`);
      }
    });
  }

  it('reports no registered service of the evidence through the rule, and warns on each reported not registered', () => {
    const registered = evidence.filter((row) => row.state === 'registered').map((row) => spellingOf(serviceOf(row)));
    const text = SPEC + [...new Set(registered)].map((spelling) => `本システムは${spelling}を利用する。\n`).join('');
    const { findings } = analyzeDocument({ uri: 'file:///spec.md', text }, bundledKnowledge(), { rules: [ismapUnregisteredServiceRule] });
    assert.deepEqual(findings.map((finding) => text.slice(finding.start, finding.end)), []);

    const notRegistered = evidence.filter((row) => row.state === 'not-registered').map((row) => spellingOf(serviceOf(row)));
    const warned = SPEC + notRegistered.map((spelling) => `本システムは${spelling}を利用する。\n`).join('');
    const result = analyzeDocument({ uri: 'file:///spec.md', text: warned }, bundledKnowledge(), { rules: [ismapUnregisteredServiceRule] });
    assert.deepEqual(
      result.findings.map((finding) => [warned.slice(finding.start, finding.end), finding.severity]),
      notRegistered.map((spelling) => [spelling, 'warning']),
    );
  });
});
