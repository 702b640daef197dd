/**
 * Hover card for a control ID (NIST SP 800-53, ISO/IEC 27001 Annex A, ISMAP 管理基準, 統一基準), protocol-free.
 * It shows the catalogue and edition, the ID as written and normalised, the short titles, the facts the
 * catalogue holds (ISMAP tier/level/suffix, NIST baselines and withdrawal, ISO theme), the mappings to other
 * frameworks, and the source, as-of date and — for partial catalogues — what the data leaves out.
 * All text goes through escapeMarkdown; links only through markdownLink (https only).
 */

import type { Catalogues, ControlReference, IsoMapping } from '../catalogues/catalogues';
import { ismapSuffixMeaning } from '../catalogues/ids';
import type { CatalogueId, Control, ControlLevel, IsmapTier, IsoRelationship } from '../catalogues/types';
import { escapeMarkdown as esc, markdownLink } from './markdownText';

const LEVEL_LABELS: Readonly<Record<ControlLevel, string>> = {
  domain: '分野 / domain',
  category: 'カテゴリ / category',
  item: '項目 / item',
  'sub-item': '細目 / sub-item',
  objective: '管理目的 / control objective',
  detailed: '詳細管理策 / detailed control',
  control: '管理策 / control',
  family: 'ファミリー / family',
  enhancement: '管理策の拡張 / control enhancement',
  chapter: 'chapter',
  section: 'section',
  subsection: 'subsection',
  requirement: '遵守事項 / requirement',
  'basic-measure': '基本対策事項 / basic measure',
};

const TIER_LABELS: Readonly<Record<IsmapTier, string>> = {
  governance: 'ガバナンス基準 / governance criteria',
  management: 'マネジメント基準 / management criteria',
  controls: '管理策基準 / controls criteria',
};

const THEME_LABELS: Readonly<Record<string, string>> = {
  Organizational: '組織的管理策 / organizational controls',
  People: '人的管理策 / people controls',
  Physical: '物理的管理策 / physical controls',
  Technological: '技術的管理策 / technological controls',
};

const RELATIONSHIP_LABELS: Readonly<Record<IsoRelationship, string>> = {
  equal: '同等 / equal',
  subset: '2013年版が2022年版の一部 / subset',
  superset: '2013年版が2022年版を包含 / superset',
  intersect: '一部重複 / intersect',
  '': '関係の記載なし / relationship not stated',
};

/** "ISO/IEC 27001:2013 A.9.1.1 アクセス制御方針", escaped: the Japanese title where there is one, else the English. */
function named(catalogues: Catalogues, control: Control): string {
  const label = catalogues.info(control.catalogue)?.label ?? control.catalogue;
  const title = control.titleJa ?? control.title;
  return esc(`${label} ${control.id}${title ? ` ${title}` : ''}`);
}

function idAndTitle(control: Control): string {
  const title = control.titleJa ?? control.title;
  return esc(`${control.id}${title ? ` ${title}` : ''}`);
}

function relationship(mapping: IsoMapping): string {
  return esc(`${RELATIONSHIP_LABELS[mapping.relationship]} · ${mapping.sources.join(', ')}`);
}

function facts(catalogues: Catalogues, reference: ControlReference): string[] {
  const { control } = reference;
  const lines: string[] = [];
  const fact = (label: string, value: string) => lines.push(`- **${esc(label)}:** ${value}`);
  const ancestors = catalogues.ancestorsOf(control);

  switch (control.family) {
    case 'ismap': {
      // For an ID the partial list lacks, describe the ID by its shape and show the objective it belongs to.
      const written = reference.match === 'ancestor' ? reference.key : control.id;
      const detailed = written.split('.').filter((part) => /^\d+$/.test(part)).length === 4;
      const level: ControlLevel = reference.match === 'ancestor' ? (control.tier === 'controls' ? 'detailed' : 'sub-item') : control.level;
      fact('区分 / level', esc(LEVEL_LABELS[level]));
      if (control.tier) {
        fact('階層 / tier', esc(TIER_LABELS[control.tier]));
      }
      if (level === 'objective' || level === 'detailed') {
        const suffix = reference.match === 'ancestor' ? (/\.(PB|B)$/.exec(written)?.[1] ?? '') : (control.suffix ?? '');
        const meaning = ismapSuffixMeaning(suffix as '' | 'B' | 'PB' | 'P', level);
        fact('接尾辞 / suffix', esc(`${suffix ? `.${suffix}` : 'なし / none'} — ${meaning.ja} / ${meaning.en}`));
      } else if (level === 'item' || level === 'sub-item') {
        fact('実施 / implementation', esc('原則として全て実施 / in principle all apply'));
      }
      const objective = detailed ? catalogues.objectiveOf(written) : undefined;
      if (objective) {
        fact(objective.tier === 'controls' ? '管理目的 / objective' : '項目 / item', idAndTitle(objective));
      }
      const headings = ancestors.filter((ancestor) => ancestor !== objective && (ancestor.level === 'domain' || ancestor.level === 'category' || ancestor.level === 'item'));
      if (headings.length > 0) {
        fact('上位 / within', headings.reverse().map(idAndTitle).join(' › '));
      }
      if (control.reference && reference.match !== 'ancestor') {
        fact('準拠 / based on', esc(control.reference));
      }
      break;
    }
    case 'nist-sp800-53': {
      fact('区分 / level', esc(LEVEL_LABELS[control.level]));
      const base = control.level === 'enhancement' ? ancestors[0] : undefined;
      if (base) {
        fact('基本管理策 / base control', idAndTitle(base));
      }
      const family = ancestors.find((ancestor) => ancestor.level === 'family');
      if (family && control.level !== 'family') {
        fact('ファミリー / family', idAndTitle(family));
      }
      if (control.withdrawn) {
        lines.push(`- **${esc('⚠ 廃止 / withdrawn')}** — ${esc('統合先はデータにない / the data does not name the control it was incorporated into')}`);
      } else if (control.level !== 'family') {
        fact('ベースライン / baselines', esc(control.baselines.length > 0 ? control.baselines.map((name) => name.toUpperCase()).join(' · ') : 'なし / none'));
      }
      break;
    }
    case 'iso27001': {
      fact('区分 / level', esc(LEVEL_LABELS[control.level]));
      if (control.theme) {
        fact('テーマ / theme', esc(THEME_LABELS[control.theme] ?? control.theme));
      }
      if (control.catalogue === 'iso27001-2022' && catalogues.iso2022To2013(control.id).length === 0) {
        fact('新設 / new', esc('2022年版で新設 / new in the 2022 edition'));
      }
      break;
    }
    case 'common-standards': {
      const level: ControlLevel = reference.match === 'ancestor' ? (control.catalogue === 'common-standards-guideline-r5' ? 'basic-measure' : 'requirement') : control.level;
      fact('区分 / level', esc(LEVEL_LABELS[level]));
      const within = reference.match === 'ancestor' ? [control, ...ancestors] : ancestors;
      if (within.length > 0) {
        fact('上位 / within', within.reverse().map(idAndTitle).join(' › '));
      }
      if (control.page && reference.match !== 'ancestor') {
        fact('英語版 / English PDF', esc(`p. ${control.page}`));
      }
      break;
    }
  }
  return lines;
}

function mappings(catalogues: Catalogues, reference: ControlReference): string[] {
  const { control } = reference;
  const lines: string[] = [];
  switch (control.catalogue) {
    case 'ismap': {
      if (control.tier !== 'controls' || (control.level !== 'objective' && control.level !== 'detailed')) {
        break;
      }
      const detailed = control.level === 'detailed' || reference.match === 'ancestor';
      const objective = detailed ? catalogues.objectiveOf(reference.key) : control;
      const how = detailed ? `管理目的 ${objective?.id ?? ''} と同一番号 / its objective's number` : '同一番号 / same number';
      if (objective?.suffix === 'P') {
        const number = objective.id.replace(/\.P$/, '');
        lines.push(`- ${esc(`ISO/IEC 27017:2015 CLD.${number}（${how}。本データに未収録 / not in the bundled catalogues）`)}`);
        break;
      }
      const iso2013 = catalogues.ismapToIso2013(control.id);
      if (!iso2013) {
        break;
      }
      const first = `${named(catalogues, iso2013)}${esc(`（${how}）`)}`;
      const onward = catalogues.iso2013To2022(iso2013.id);
      if (onward.length === 0) {
        lines.push(`- ${first}`);
      }
      for (const mapping of onward) {
        lines.push(`- ${first} → ${named(catalogues, mapping.to)}${esc('（')}${relationship(mapping)}${esc('）')}`);
      }
      break;
    }
    case 'iso27001-2013': {
      for (const mapping of catalogues.iso2013To2022(control.id)) {
        lines.push(`- → ${named(catalogues, mapping.to)}${esc('（')}${relationship(mapping)}${esc('）')}`);
      }
      const ismap = catalogues.iso2013ToIsmap(control.id);
      if (ismap) {
        lines.push(`- ${esc(`${catalogues.info('ismap')?.label ?? 'ISMAP'} ${ismap.id}（管理目的、同一番号 / control objective with the same number）`)}`);
      }
      break;
    }
    case 'iso27001-2022': {
      const from = catalogues.iso2022To2013(control.id);
      for (const mapping of from) {
        lines.push(`- ← ${named(catalogues, mapping.from)}${esc('（')}${relationship(mapping)}${esc('）')}`);
      }
      const ismap = from.map((mapping) => catalogues.iso2013ToIsmap(mapping.from.id)).filter((found): found is Control => !!found);
      if (ismap.length > 0) {
        const label = catalogues.info('ismap')?.label ?? 'ISMAP';
        lines.push(`- ← ${esc(`${label} ${ismap.map((found) => found.id).join(', ')}（ISO/IEC 27001:2013 と同一番号の管理目的 / objectives numbered as in 2013）`)}`);
      }
      break;
    }
    case 'common-standards-r5': {
      const own = catalogues.editionLink(control);
      const parent = own ? undefined : catalogues.parentOf(control.catalogue, control);
      const viaParent = parent ? catalogues.editionLink(parent) : undefined;
      if (own) {
        lines.push(`- → ${named(catalogues, own)}${esc('（同一番号・同一項目 / same number and subject）')}`);
      } else if (viaParent && parent) {
        lines.push(`- → ${named(catalogues, viaParent)}${esc(`（上位の ${parent.id} と同一 / as its item ${parent.id}）`)}`);
      }
      for (const measure of catalogues.editionLinksTo(control)) {
        lines.push(`- ← ${named(catalogues, measure)}${esc('（基本対策事項 / basic measure）')}`);
      }
      break;
    }
    case 'common-standards-r7': {
      for (const older of catalogues.editionLinksTo(control)) {
        lines.push(`- ← ${named(catalogues, older)}${esc('（同一番号・同一項目 / same number and subject）')}`);
      }
      break;
    }
    case 'common-standards-guideline-r5': {
      const requirement = catalogues.editionLink(control);
      if (requirement) {
        lines.push(`- → ${named(catalogues, requirement)}${esc('（関連する遵守事項 / the requirement it belongs to）')}`);
      }
      break;
    }
    case 'nist-sp800-53r5':
      break;
  }
  return lines;
}

/** How sure a Japanese title is, by its source (none for a title the catalogue's own text gives). */
const JAPANESE_SOURCE_NOTES: Readonly<Record<string, string>> = {
  'seed-r5': '（令和5年度版の見出し / heading in the FY2023 edition）',
  'h30-guideline': '（参考: 平成30年度版ガイドラインの見出し。令和7年度版の表現とは異なる場合がある / indicative only: heading in the 2018 guideline）',
  'jis-2014': '（JIS Q 27001:2014 附属書A の見出し / JIS heading of the same number）',
  'jis-2023': '（JIS Q 27001:2023 附属書A の見出し / JIS heading）',
  ismap: '',
};

/** The hover card (Markdown, data escaped) for a resolved control reference. */
export function controlCard(catalogues: Catalogues, reference: ControlReference): string {
  const { control } = reference;
  const info = catalogues.info(control.catalogue)!;
  const lines: string[] = [];
  const shownId = reference.match === 'ancestor' ? reference.key : control.id;
  const title = reference.match === 'ancestor' ? undefined : control.title;
  const titleJa = reference.match === 'ancestor' ? undefined : control.titleJa;
  // The Japanese title first (the reader writes Japanese), with where it comes from; then the English one.
  const heading = titleJa ? `${titleJa}${JAPANESE_SOURCE_NOTES[control.titleJaSource ?? ''] ?? ''}` : title;
  lines.push(`**${esc(`${info.label} ${shownId}`)}**${heading ? ` ${esc(heading)}` : ''}${titleJa && title ? '  ' : ''}`);
  if (titleJa && title) {
    lines.push(esc(title));
  }
  lines.push(`*${esc(`${info.name.ja} / ${info.name.en} · ${info.edition}`)}*`);

  const notes: string[] = [];
  if (reference.written !== shownId) {
    notes.push(`${esc(`表記 / written: 「${reference.written}」 → ${shownId}`)}`);
  }
  if (reference.match === 'suffix-differs') {
    notes.push(`**${esc('⚠ 接尾辞の不一致 / suffix differs:')}** ${esc(`${reference.key} は収録データでは ${control.id} / listed as ${control.id}`)}`);
  }
  if (reference.match === 'ancestor') {
    notes.push(`**${esc('収録外 / not listed:')}** ${esc(`${reference.key} は収録データにない。上位の ${control.id} を表示 / not in the bundled data; showing ${control.id}`)}`);
  }
  if (notes.length > 0) {
    lines.push('', ...notes.map((note, index) => (index < notes.length - 1 ? `${note}  ` : note)));
  }

  const factLines = facts(catalogues, reference);
  if (factLines.length > 0) {
    lines.push('', ...factLines);
  }
  const mappingLines = mappings(catalogues, reference);
  if (mappingLines.length > 0) {
    lines.push('', `**${esc('対応 / mappings:')}**`, '', ...mappingLines);
  }
  lines.push('', '---', '');
  lines.push(`**${esc('出典 / source:')}** ${markdownLink(info.source.title, info.source.url)}`);
  if (info.partial) {
    lines.push('', `**${esc('部分データ / partial data:')}** ${esc(info.coverage)}`);
  }
  lines.push('', `*${esc(`時点 / as of ${info.asOf} · govsec catalogue: ${info.id}`)}*`);
  return lines.join('\n');
}

/** Resolves a written ID in a catalogue and renders its card; undefined when the ID is unknown. */
export function controlCardFor(catalogues: Catalogues, catalogue: CatalogueId, rawId: string): string | undefined {
  const reference = catalogues.resolve(catalogue, rawId);
  return reference ? controlCard(catalogues, reference) : undefined;
}
