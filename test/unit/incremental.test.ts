import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as fc from 'fast-check';
import { analyzeDocument, type DocumentAnalysis, type SourceDocument } from '../../server/src/analysis';
import { normalize, renormalize } from '../../server/src/text/normalize';
import { commonEnds } from '../../server/src/text/edit';
import { parseMarkdownDocument, reparseMarkdownDocument } from '../../server/src/document/markdown';
import type { DocumentModel } from '../../server/src/document/model';
import { sectionSpans } from '../../server/src/document/view';
import type { Finding, Rule } from '../../server/src/rules/rule';
import { allRules } from '../../server/src/rules/index';
import { contextKey, sectionInput } from '../../server/src/analysis/sectionFindings';
import { bundledKnowledge, ends, repoRoot, starts } from '../helpers';
import { fuzzOptions, fuzzTimeout } from '../fuzz/generators';

/** The documents of the evaluation corpora and the examples: real prose, tables, YAML and the rules' triggers. */
function corpusFiles(): string[] {
  const folders = ['examples', 'test/corpus/docs', 'test/corpus/holdout/docs', 'test/corpus/holdout2/docs', 'test/corpus/holdout3/docs', 'test/corpus/holdout4/docs'].map((folder) => path.join(repoRoot, folder));
  return folders
    .flatMap((folder) => (fs.existsSync(folder) ? fs.readdirSync(folder).map((name) => path.join(folder, name)) : []))
    .filter((file) => /\.(md|ya?ml)$/.test(file))
    .sort();
}

const files = corpusFiles();
const texts = files.map((file) => fs.readFileSync(file, 'utf8'));
/** Lines of every document: what an edit pastes (a threshold, a sector cue, a heading, a table row …). */
const corpusLines = [...new Set(texts.flatMap((text) => text.split('\n')).filter((line) => line.trim() !== ''))].sort();

const source = (file: string, text: string): SourceDocument => ({ uri: `file://${file}`, languageId: /\.ya?ml$/.test(file) ? 'yaml' : 'markdown', text });

/** Pieces of raw HTML blocks, whose visible text is prose: FAQs, tables (some cut open), <br> lines, code. */
const HTML_PIECES = [
  '<details><summary>❌ 悪い例</summary>\n',
  '<details>\n<summary>質問</summary>\n',
  '</details>\n',
  '<table>\n<tr><th>報告</th><th>期限</th></tr>\n<tr><td>確報</td><td>45日以内</td></tr>\n</table>\n',
  '<table><tr><th>誤</th><th>正</th></tr>',
  '<tr><td>速報',
  '</td></tr></table>\n',
  '<div>\n',
  '</div>\n',
  '<p>本文<br>次の行&nbsp;</p>',
  '<script>\n',
  '</script>\n',
  '<dl><dt>用語</dt><dd>説明</dd></dl>\n',
];

const comparable = (findings: readonly Finding[]) => JSON.stringify(findings.map(({ ruleId, severity, message, start, end, fix }) => ({ ruleId, severity, message, start, end, fix })));

describe('incremental analysis', () => {
  describe('commonEnds (where two versions of a text differ)', () => {
    /** One character at a time, as the definition says. */
    const naive = (before: string, after: string) => {
      const shorter = Math.min(before.length, after.length);
      let head = 0;
      while (head < shorter && before[head] === after[head]) {
        head++;
      }
      let tail = 0;
      while (tail < shorter - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) {
        tail++;
      }
      return { head, tail };
    };

    it('equals a character-by-character comparison, on texts long enough for its range comparisons', () => {
      const base = fc.string({ unit: fc.constantFrom('a', 'b', '漏', '\n'), minLength: 0, maxLength: 3000 });
      fc.assert(
        fc.property(base, fc.nat(), fc.nat({ max: 600 }), fc.string({ unit: fc.constantFrom('a', 'b', 'x'), maxLength: 700 }), (before, at, length, inserted) => {
          const start = before.length === 0 ? 0 : at % (before.length + 1);
          const after = before.slice(0, start) + inserted + before.slice(start + length);
          assert.deepEqual(commonEnds(before, after), naive(before, after));
          assert.deepEqual(commonEnds(after, before), naive(after, before));
        }),
        fuzzOptions(300),
      );
    });
  });

  describe('renormalize (the NFKC of an edited text from the previous version\'s)', () => {
    const piece = fc.constantFrom('ｶﾞﾊﾞ', 'ﾞ', 'e\u0301', '\u0301', '９．２．１', '\n', '\r\n', 'ＩＳＭＡＰ', '😀', '\ud800', 'abc', '機密性３', '㍻', 'ﬁ', '');
    const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

    it('equals a fresh normalisation after any edit', () => {
      fc.assert(
        fc.property(text, fc.nat(), fc.nat({ max: 8 }), fc.array(piece, { maxLength: 4 }), (before, at, length, inserted) => {
          const start = before.length === 0 ? 0 : at % (before.length + 1);
          const after = before.slice(0, start) + inserted.join('') + before.slice(start + length);
          const expected = normalize(after);
          const actual = renormalize(before, normalize(before), after);
          assert.equal(actual.text, expected.text);
          assert.deepEqual(starts(actual), starts(expected));
          assert.deepEqual(ends(actual), ends(expected));
        }),
        fuzzOptions(500),
      );
    });
  });

  describe('reparseMarkdownDocument (only the sections an edit touched)', () => {
    const modelJson = (model: DocumentModel) => JSON.stringify({ ...model, yaml: undefined });
    const markdownTexts = texts.filter((_, index) => files[index].endsWith('.md'));
    const pieces = fc.oneof(
      fc.constantFrom(...corpusLines).map((line) => `${line}\n`),
      fc.constantFrom('\n', '\r\n', '# ', '## 悪い例\n', '### 例\n', '```\n', '~~~', '> ', '- ', '1. ', '    ', '| a | b |\n|---|---|\n', ':::\n', '::: NG例\n', '<pre>\n', '</pre>', '<!-- x -->', '[a]: https://example.jp\n', '===\n', '---\n', 'x', ''),
      fc.constantFrom(...HTML_PIECES),
    );

    it('equals a full parse after random edit sequences, and is used for many of them', function () {
      this.timeout(fuzzTimeout());
      let reparsed = 0;
      let edits = 0;
      fc.assert(
        fc.property(fc.nat({ max: markdownTexts.length - 1 }), fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 80 }), insert: pieces }), { minLength: 1, maxLength: 8 }), (index, changes) => {
          let text = markdownTexts[index];
          let model = parseMarkdownDocument(text);
          for (const change of changes) {
            const start = Math.min(text.length, Math.floor(change.at * (text.length + 1)));
            text = text.slice(0, start) + change.insert + text.slice(Math.min(text.length, start + change.length));
            const fresh = parseMarkdownDocument(text);
            const incremental = reparseMarkdownDocument(model, text);
            edits++;
            if (incremental) {
              reparsed++;
              assert.equal(modelJson(incremental), modelJson(fresh), `after an edit at ${start} of ${JSON.stringify(text.slice(Math.max(0, start - 40), start + 40))}`);
            }
            model = incremental ?? fresh;
          }
        }),
        fuzzOptions(150),
      );
      // Many edits stay within their sections (the others, which change a heading or cross a cut, fall back to a full parse).
      assert.ok(reparsed > edits / 5, `${reparsed} of ${edits} edits re-parsed incrementally`);
    });

    it('re-parses only the edited section and keeps the blocks before it', () => {
      const text = '# A\n\npara one\n\n## B\n\n- item\n\n# C\n\nlast\n';
      const first = parseMarkdownDocument(text);
      const edited = text.replace('- item', '- item two');
      const second = reparseMarkdownDocument(first, edited)!;
      assert.ok(second);
      assert.equal(modelJson(second), modelJson(parseMarkdownDocument(edited)));
      assert.equal(second.markdown!.blocks[0], first.markdown!.blocks[0]);
      assert.equal(second.markdown!.blocks[3].section, first.markdown!.blocks[3].section);
      assert.equal(reparseMarkdownDocument(first, text.replace('## B', '### B')), undefined, 'a changed heading: full parse');
      assert.equal(reparseMarkdownDocument(first, text.replace('- item', '```\n- item')), undefined, 'an unclosed fence runs on: full parse');
    });
  });

  describe('sections', () => {
    it('starts a section at each heading outside quotes and lists, keyed by the headings above', () => {
      const text = 'intro\n# A\n\ntext\n## B\n> # quoted\n- # listed\n## C\nend';
      const spans = sectionSpans(parseMarkdownDocument(text));
      assert.deepEqual(
        spans.map((span) => [text.slice(span.start, span.end), span.headings.split('\u0001').map((entry) => entry.replace('\u0000', ' '))]),
        [
          ['intro\n', ['']],
          ['# A\n\ntext\n', ['1 # A']],
          ['## B\n> # quoted\n- # listed\n', ['1 # A', '2 ## B']],
          ['## C\nend', ['1 # A', '2 ## C']],
        ],
      );
    });

    it('runs a section-scoped rule again only on the section an edit changed', () => {
      const seen: string[] = [];
      const rule: Rule = {
        id: 'test/section',
        defaultSeverity: 'warning',
        procurementOnly: false,
        scope: 'section',
        description: 'reports every segment holding an X',
        check({ model }) {
          const part = model.part ?? { start: 0, end: model.text.length };
          seen.push(model.text.slice(part.start, part.end));
          return model.segments
            .filter((segment) => model.text.slice(segment.start, segment.end).includes('X'))
            .map((segment) => ({ ruleId: 'test/section', severity: 'warning', message: { ja: 'X', en: 'X' }, start: segment.start, end: segment.end }));
        },
      };
      const knowledge = bundledKnowledge();
      const first = analyzeDocument({ uri: 'file:///a.md', languageId: 'markdown', text: '# A\nX one\n# B\nX two\n# C\nX three\n' }, knowledge, { rules: [rule] });
      assert.equal(first.findings.length, 3);
      assert.deepEqual(seen, ['# A\nX one\n# B\nX two\n# C\nX three\n']);
      seen.length = 0;
      const second = analyzeDocument({ uri: 'file:///a.md', languageId: 'markdown', text: '# A\nX one\n# B\nnew X two\n# C\nX three\n' }, knowledge, { rules: [rule], previous: first });
      const findings = second.findings;
      assert.deepEqual(seen, ['# B\nnew X two\n']);
      assert.deepEqual(
        findings.map((finding) => [finding.start, finding.end]),
        [
          [4, 9],
          [14, 23],
          [28, 35],
        ],
      );
    });
  });

  it('finds in a section what it finds there with every other section blanked, for each section-scoped rule', function () {
    this.timeout(120_000);
    const knowledge = bundledKnowledge();
    const sectionRules = allRules.filter((rule) => rule.scope === 'section');
    const failures: string[] = [];
    files.forEach((file, index) => {
      const whole = analyzeDocument(source(file, texts[index]), knowledge);
      const spans = sectionSpans(whole.model);
      if (spans.length < 2) {
        return;
      }
      const key = contextKey(whole.context);
      spans.forEach((span, spanIndex) => {
        // Blank every other section but its heading line, keeping every offset and the headings above this one.
        const blanked = spans
          .map((other, otherIndex) => {
            const part = texts[index].slice(other.start, other.end);
            if (otherIndex === spanIndex) {
              return part;
            }
            const [heading, ...rest] = part.split('\n');
            return [otherIndex === 0 && !/^#/.test(heading) ? heading.replace(/[^\r]/g, ' ') : heading, ...rest.map((line) => line.replace(/[^\r]/g, ' '))].join('\n');
          })
          .join('');
        const alone = analyzeDocument(source(file, blanked), knowledge, { rules: sectionRules });
        if (contextKey(alone.context) !== key) {
          return;
        }
        // A rule's fact from elsewhere in the document (Rule.documentKey) may be blanked away: such a rule is compared only where it is kept.
        const inputOf = (analysis: DocumentAnalysis) => ({ ...analysis, glossary: knowledge.glossary });
        const factsOf = (rule: Rule, analysis: DocumentAnalysis) => [...new Set(rule.sectionFacts?.(inputOf(analysis)) ?? [])].sort().join('\n');
        const compared = sectionRules.filter(
          (rule) => rule.documentKey?.(inputOf(whole)) === rule.documentKey?.(inputOf(alone)) && factsOf(rule, whole) === factsOf(rule, alone),
        );
        const inSpan = (findings: readonly Finding[]) => comparable(findings.filter((finding) => finding.start >= span.start && finding.start < span.end && compared.some((rule) => rule.id === finding.ruleId)));
        if (inSpan(whole.findings) !== inSpan(alone.findings)) {
          failures.push(`${path.relative(repoRoot, file)} section at ${span.start}:\n  whole: ${inSpan(whole.findings)}\n  alone: ${inSpan(alone.findings)}`);
        }
      });
    });
    assert.deepEqual(failures, []);
  });

  // A section rule that reads a fact from another section (Rule.documentKey, Rule.sectionFacts): an edit there
  // changes the finding here, and back.
  const crossSection = [
    {
      rule: 'privacy/report-deadline',
      lines: ['# 個人情報の取扱い', '', '漏えい等が発生した場合は、個人情報保護委員会へ報告する。', '', '# 報告期限', '', '| 報告 | 期限 |', '| --- | --- |', '| 確報 | 45日以内 |', ''],
      from: '漏えい等が発生した場合は、個人情報保護委員会へ報告する。',
      to: '事故が発生した場合は、所管課へ連絡する。',
      found: ['45日以内'],
    },
    {
      rule: 'ismap/liu-scope',
      lines: ['# 利用するサービス', '', '問合せ管理 SaaS は、ISMAP-LIUクラウドサービスリストに登録されている。', '', '# 取り扱う情報', '', '住民の相談記録（機密性3情報）は問合せ管理 SaaS で管理する。', ''],
      from: 'ISMAP-LIUクラウドサービスリストに登録されている',
      to: 'ISMAPクラウドサービスリストに登録されている',
      found: ['問合せ管理 SaaS'],
    },
  ];
  for (const { rule: ruleId, lines, from, to, found } of crossSection) {
    it(`runs ${ruleId} again everywhere when another section changes the fact it reads`, () => {
      const knowledge = bundledKnowledge();
      const rules = allRules.filter((rule) => rule.id === ruleId);
      const withFact = lines.join('\n');
      const withoutFact = withFact.replace(from, to);
      const first = analyzeDocument(source('doc.md', withFact), knowledge, { rules });
      assert.deepEqual(
        first.findings.map((finding) => withFact.slice(finding.start, finding.end)),
        found,
      );
      const edited = analyzeDocument(source('doc.md', withoutFact), knowledge, { rules, previous: first });
      assert.deepEqual(edited.findings, []);
      assert.equal(comparable(edited.findings), comparable(analyzeDocument(source('doc.md', withoutFact), knowledge, { rules }).findings));
      // And back: the unchanged section is checked again.
      const restored = analyzeDocument(source('doc.md', withFact), knowledge, { rules, previous: edited });
      assert.equal(comparable(restored.findings), comparable(first.findings));
    });
  }

  it('finds on a view of each section what it finds there in the whole document, for each section-scoped rule', function () {
    // The engine's own contract: after an edit a section rule runs on a view of the changed section only.
    this.timeout(120_000);
    const knowledge = bundledKnowledge();
    const sectionRules = allRules.filter((rule) => rule.scope === 'section');
    const failures: string[] = [];
    files.forEach((file, index) => {
      const whole = analyzeDocument(source(file, texts[index]), knowledge);
      const spans = sectionSpans(whole.model);
      if (spans.length < 2) {
        return;
      }
      const input = { ...whole, glossary: knowledge.glossary };
      for (const rule of sectionRules) {
        const facts = rule.sectionFacts && new Set(rule.sectionFacts(input));
        const all = rule.check(input, facts);
        for (const span of spans) {
          const view = sectionInput(input, span);
          const expected = comparable(all.filter((finding) => finding.start >= span.start && finding.start < span.end));
          const actual = comparable(rule.check(view, facts));
          if (actual !== expected) {
            failures.push(`${path.relative(repoRoot, file)} ${rule.id} section at ${span.start}:\n  whole: ${expected}\n  view: ${actual}`);
          }
        }
      }
    });
    assert.deepEqual(failures, []);
  });

  it('reads a rule\'s section facts from each section alone: their union is what the whole document says', () => {
    const knowledge = bundledKnowledge();
    const factRules = allRules.filter((rule) => rule.sectionFacts);
    assert.ok(factRules.length > 0);
    const failures: string[] = [];
    files.forEach((file, index) => {
      const whole = analyzeDocument(source(file, texts[index]), knowledge);
      const input = { ...whole, glossary: knowledge.glossary };
      for (const rule of factRules) {
        const wholeFacts = [...new Set(rule.sectionFacts!(input))].sort();
        const union = [
          ...new Set(
            sectionSpans(whole.model).flatMap((span) =>
              rule.sectionFacts!(sectionInput(input, span)),
            ),
          ),
        ].sort();
        if (JSON.stringify(union) !== JSON.stringify(wholeFacts)) {
          failures.push(`${path.relative(repoRoot, file)} ${rule.id}: whole ${JSON.stringify(wholeFacts)}, sections ${JSON.stringify(union)}`);
        }
      }
    });
    assert.deepEqual(failures, []);
  });

  it('keeps no earlier version alive (each analysis reads the previous one and lets it go)', async () => {
    v8.setFlagsFromString('--expose-gc');
    const collect = vm.runInNewContext('gc') as () => void;
    const knowledge = bundledKnowledge();
    let text = texts[files.findIndex((file) => file.endsWith('.md'))];
    let analysis = analyzeDocument(source('file:///keep.md', text), knowledge);
    void analysis.findings;
    const first = new WeakRef(analysis.model);
    for (let edit = 0; edit < 5; edit++) {
      text = `${text}\n追記${edit}\n`;
      analysis = analyzeDocument(source('file:///keep.md', text), knowledge, { previous: analysis });
      void analysis.findings;
    }
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    assert.equal(first.deref(), undefined, 'the first version\'s model is still reachable from the fifth analysis');
  });

  describe('equals a fresh analysis after random edit sequences over the corpus (seeded)', function () {
    this.timeout(fuzzTimeout());
    const knowledge = bundledKnowledge();
    const editArbitrary = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.nat({ max: 60 }),
      insert: fc.oneof(
        fc.constantFrom(...corpusLines).map((line) => `${line}\n`),
        fc.constantFrom('\n', '# ', '## 悪い例\n', '## 沿革\n', '---\n', '```\n', '> ', '- ', '| a | b |\n|---|---|\n', '当市', '本省', '民間事業者', 'GDPR', '1,000人', ''),
        fc.constantFrom(...HTML_PIECES),
      ),
    });

    it('keeps what a fresh analysis finds, section by section', () => {
      fc.assert(
        fc.property(fc.nat({ max: files.length - 1 }), fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (index, edits) => {
          let text = texts[index];
          let previous: DocumentAnalysis = analyzeDocument(source(files[index], text), knowledge);
          void previous.findings;
          for (const change of edits) {
            const start = Math.min(text.length, Math.floor(change.at * (text.length + 1)));
            text = text.slice(0, start) + change.insert + text.slice(Math.min(text.length, start + change.length));
            const incremental = analyzeDocument(source(files[index], text), knowledge, { previous });
            const fresh = analyzeDocument(source(files[index], text), knowledge);
            const [actual, expected] = [comparable(incremental.findings), comparable(fresh.findings)];
            if (actual !== expected) {
              assert.fail(`${path.relative(repoRoot, files[index])}: after an edit at ${start}, incremental findings differ from fresh ones\nincremental: ${actual}\nfresh:       ${expected}`);
            }
            previous = incremental;
          }
        }),
        fuzzOptions(120),
      );
    });
  });
});
