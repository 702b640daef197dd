// Generates the govsec TextMate injection grammars in syntaxes/ (the regexes are long; edit them here).
// Usage: npm run build && npx tsc -b && node scripts/build-grammars.js   (rule ids come from the compiled registry)
'use strict';
const fs = require('fs');
const OUT = process.argv[2] || require('path').join(__dirname, '..', 'syntaxes');
const D = '[0-9０-９]';
const DOT = '[.．]';
const SP = '[ \\t　]';
const HY = '[-－]';
const LP = '[(（]';
const RP = '[)）]';
const FAM = ['AC','AT','AU','CA','CM','CP','IA','IR','MA','MP','PE','PL','PM','PS','PT','RA','SA','SC','SI','SR'];
const full = (s) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
const FAMILY = `(?:${FAM.join('|')}|${FAM.map(full).join('|')})`;
const FAMILY_ANYCASE = `(?:(?i:${FAM.join('|')})|${FAM.map(full).join('|')})`;
const ALNUM = 'A-Za-z0-9Ａ-Ｚａ-ｚ０-９';
// Not inside a longer number or word.
const NB = `(?<![${ALNUM}.．])`;
// A dotted ID ends where no digit, no .digit and no clause continuation (6.6.2(1)) follows.
const NA = `(?![0-9０-９]|${DOT}[0-9０-９]|[(（][0-9０-９a-zａ-ｚ])`;

const ISMAP_ID = `${D}{1,2}(?:${DOT}${D}{1,3}){2,3}(?:${DOT}(?:PB|B|P|ＰＢ|Ｂ|Ｐ)(?![${ALNUM}]))?`;
const ISO_ID = `(?:[AＡ]${SP}?${DOT}${SP}?)?${D}{1,2}${DOT}${D}{1,2}(?:${DOT}${D}{1,2})?`;
const ANNEX_A_ID = `[AＡ]${SP}?${DOT}${SP}?${D}{1,2}${DOT}${D}{1,2}(?:${DOT}${D}{1,2})?`;
const NIST_ID = `${FAMILY}${SP}?${HY}${SP}?${D}{1,2}(?:${SP}?${LP}${SP}?${D}{1,2}${SP}?${RP})?`;
const NIST_CUED_ID = `${FAMILY_ANYCASE}${SP}?${HY}${SP}?${D}{1,2}(?:${SP}?${LP}${SP}?${D}{1,2}${SP}?${RP}|${DOT}${D}{1,2})?`;
const CS_ID = `${D}{1,2}(?:${DOT}${D}{1,3}){1,3}(?:${LP}${D}{1,2}${RP}(?:${LP}[a-zａ-ｚ]${RP})?(?:${HY}${D}{1,2})?)?`;

const CUES = {
  ismap: '(?:ISMAP|ＩＳＭＡＰ)',
  iso: `(?:(?:ISO${SP}?/${SP}?IEC|JIS${SP}?Q|ISO)${SP}?2700[12](?:${SP}?[:：]${SP}?(?:2022|2023|2013|2014))?|附属書${SP}?[AＡ]|Annex${SP}?A)`,
  nist: `(?:NIST(?:${SP}?SP)?(?:${SP}?800-53)?|SP${SP}?800-53|800-53)`,
  'common-standards': '(?:統一基準|統一規範|Common Standards|対策基準策定(?:のため)?の?ガイドライン)',
};
// What may stand between a cue and the first ID: no sentence end, no Markdown inline markup, no YAML quote/flow/comment character.
const CUE_ANY = `(?:${Object.values(CUES).join('|')})`;
// ... and no other framework's cue (the nearest cue decides, as in server/src/document/controlRefs.ts).
const gap = (f) => `(?:(?!(?:${Object.keys(CUES).filter((other) => other !== f).map((other) => CUES[other]).join('|')}))[^\\n。！？!?．\`*_\\[\\]<>|"'#{}]){0,40}?`;
const SEP = `(?:${SP}*(?:[、,，/／・〜～]|及び|および|並びに|ならびに|又は|または|と|や|から)${SP}*|${SP}+)`;
// The rest of the sentence (a full-width period inside a number does not end it).
// The rest of the sentence up to the cue, at most 80 characters (a full-width period inside a number does not end it).
const SENT = `(?:(?!${CUE_ANY})(?:[^\\n。！？!?．]|．(?=[0-9０-９]))){0,80}?`;

const LABEL = { ismap: 'ISMAP管理基準', iso: 'ISO/IEC 27001 Annex A', nist: 'NIST SP 800-53', 'common-standards': '統一基準' };
const EXAMPLE = { ismap: '9.1.1（ISMAP管理基準）', iso: '5.15（ISO/IEC 27001:2022）', 'common-standards': '6.6.2(1)（統一基準）' };
const ids = {
  ismap: { id: ISMAP_ID, scope: 'ismap' },
  iso: { id: ISO_ID, scope: 'iso27001' },
  nist: { id: NIST_CUED_ID, scope: 'nist' },
  'common-standards': { id: CS_ID, scope: 'common-standards' },
};
const idScope = (f) => `constant.numeric.control-id.${ids[f].scope}.govsec`;
const repository = {};
const patterns = [];
for (const f of Object.keys(ids)) {
  const one = `${NB}${ids[f].id}${NA}`;
  repository[`${f}-after-cue`] = {
    comment: `${LABEL[f]}: the framework named (${f === 'iso' ? 'ISO/IEC 27001/27002, JIS Q, 附属書A' : f === 'nist' ? 'NIST, SP 800-53' : f === 'ismap' ? 'ISMAP' : '統一基準'}) and followed in the same sentence, within 40 characters, by one or more of its IDs (a list joined by 、 , 及び と … ).`,
    match: `(${CUES[f]})(${gap(f)})(${one}(?:${SEP}${one})*)`,
    name: 'meta.control-reference.govsec',
    captures: {
      1: { name: 'meta.framework.govsec' },
      2: { patterns: [{ include: '#prefixed-ids' }, { include: '#grades' }] },
      3: { patterns: [{ match: one, name: idScope(f) }] },
    },
  };
  if (f !== 'nist') repository[`${f}-before-cue`] = {
    comment: `${LABEL[f]}: an ID whose framework is named later in the same sentence, within 80 characters (${EXAMPLE[f]}).`,
    match: `${one}(?=${SENT}${CUES[f]})`,
    name: idScope(f),
  };
  patterns.push({ include: `#${f}-after-cue` });
}
repository['prefixed-ids'] = {
  comment: 'IDs that carry their own cue: ISO/IEC 27001 Annex A (A.5.15) and NIST SP 800-53 (AC-2, AC-2(1)).',
  patterns: [
    { match: `(?<![${ALNUM}.．])${ANNEX_A_ID}(?![${ALNUM}]|${DOT}[0-9０-９])`, name: idScope('iso') },
    { match: `(?<![${ALNUM}\\-－])${NIST_ID}(?![${ALNUM}]|${DOT}[0-9０-９])`, name: idScope('nist') },
  ],
};
repository.grades = {
  comment: 'Information grades of the Common Standards: 機密性1-3, 完全性1-2, 可用性1-2 (情報 optional), half- or full-width digits.',
  patterns: [
    { match: `機密性[1-3１-３](?:情報)?(?![0-9０-９.．])`, name: 'constant.language.grade.confidentiality.govsec' },
    { match: `完全性[12１２](?:情報)?(?![0-9０-９.．])`, name: 'constant.language.grade.integrity.govsec' },
    { match: `可用性[12１２](?:情報)?(?![0-9０-９.．])`, name: 'constant.language.grade.availability.govsec' },
  ],
};
patterns.unshift({ include: '#url' });
repository.url = {
  comment: 'A bare URL is consumed whole, so nothing inside it is marked (govsec never reads URLs).',
  match: 'https?://[^\\s<>"\'`（）「」]+',
};
patterns.push({ include: '#prefixed-ids' });
for (const f of Object.keys(ids)) {
  if (f !== 'nist') patterns.push({ include: `#${f}-before-cue` });
}
patterns.push({ include: '#grades' });

const references = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'govsec references',
  scopeName: 'govsec.references.injection',
  injectionSelector: 'text.html.markdown -markup.fenced_code -markup.inline.raw -markup.raw.block -comment, source.yaml -comment',
  patterns,
  repository,
};
fs.writeFileSync(OUT + '/govsec.references.injection.tmLanguage.json', JSON.stringify(references, null, 2) + '\n');

const RULES = require(require('path').join(__dirname, '..', 'out', 'server', 'src', 'rules', 'index.js')).allRules.map((r) => r.id);
const categories = [...new Set(RULES.map((id) => id.split('/')[0]))];
const byCategory = categories.map((c) => `${c}/(?:\\*|${RULES.filter((id) => id.startsWith(c + '/')).map((id) => id.slice(c.length + 1)).join('|')})`);
const directives = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'govsec suppression directives',
  scopeName: 'govsec.directives.injection',
  injectionSelector:
    'text.html.markdown comment.block.html -markup.fenced_code -markup.raw.block -markup.inline.raw, text.html.markdown comment.line.number-sign -markup.fenced_code, source.yaml comment.line.number-sign',
  patterns: [{ include: '#directive' }],
  repository: {
    directive: {
      comment: 'govsec-disable-next-line / -line / disable / enable, then rule ids or category wildcards (comma or space separated); text after -- is a note. One line, as server/src/rules/suppression.ts reads it.',
      begin: '(govsec-(?:disable-next-line|disable-line|disable|enable))(?![\\w-])',
      beginCaptures: { 1: { name: 'keyword.control.directive.govsec' } },
      end: '(?=-->)|$',
      name: 'meta.directive.govsec',
      patterns: [
        { begin: '--(?!>)', end: '(?=-->)|$', name: 'meta.directive.note.govsec' },
        { include: '#rule' },
        { match: ',', name: 'punctuation.separator.rule.govsec' },
      ],
    },
    rule: {
      comment: 'The rule ids of server/src/rules/index.ts and their category wildcards; any other category/name is not a rule govsec knows.',
      patterns: [
        { match: `(?<![\\w/-])(?:${byCategory.join('|')})(?![\\w/*-])`, name: 'variable.parameter.rule.govsec' },
        { match: '(?<![\\w/-])[A-Za-z][\\w-]*/(?:\\*|[\\w-]+)(?![\\w/*-])', name: 'invalid.illegal.unknown-rule.govsec' },
      ],
    },
  },
};
fs.writeFileSync(OUT + '/govsec.directives.injection.tmLanguage.json', JSON.stringify(directives, null, 2) + '\n');
