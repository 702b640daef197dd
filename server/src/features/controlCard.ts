/**
 * Hover card for a control ID (NIST SP 800-53, ISO/IEC 27001 Annex A, ISMAP 管理基準, 統一基準), protocol-free,
 * in one language. Read in a hurry: the first line gives the ID and title, the second the catalogue and
 * whether the control is current (a withdrawn NIST control, an edition a newer one in the data replaces).
 * Below a rule: the facts the catalogue holds (ISMAP tier/level/suffix, NIST baselines, ISO theme), the
 * mappings to other frameworks; below another the source, as-of date and — for partial catalogues — what the
 * data leaves out.
 * Titles: the catalogues hold English titles and Japanese ones where a source gives them. A Japanese card shows
 * the Japanese title where there is one, else the English one labelled （英語）; an English card the English
 * title, else the Japanese one labelled as such. Nothing is translated here. Catalogue metadata written in
 * English only (edition, coverage) is labelled the same way.
 * All text goes through escapeMarkdown; links only through markdownLink (https only).
 */

import type { Catalogues, ControlReference, IsoMapping } from '../catalogues/catalogues';
import { ismapSuffixMeaning } from '../catalogues/ids';
import { CATALOGUE_FAMILY, type Bilingual, type CatalogueId, type Control, type ControlLevel, type IsmapTier, type IsoRelationship } from '../catalogues/types';
import { frameworkName } from '../context/controlCitation';
import type { Language } from '../language';
import { firstSentence, headerBlock, OTHER_LANGUAGE_LABEL } from './cardParts';
import { escapeMarkdown as esc, markdownLink } from './markdownText';

export const LEVEL_LABELS: Readonly<Record<ControlLevel, Bilingual>> = {
  domain: { ja: '分野', en: 'domain' },
  category: { ja: 'カテゴリ', en: 'category' },
  item: { ja: '項目', en: 'item' },
  'sub-item': { ja: '細目', en: 'sub-item' },
  objective: { ja: '管理目的', en: 'control objective' },
  detailed: { ja: '詳細管理策', en: 'detailed control' },
  control: { ja: '管理策', en: 'control' },
  family: { ja: 'ファミリー', en: 'family' },
  enhancement: { ja: '管理策の拡張', en: 'control enhancement' },
  // 統一基準 headings by depth; the standard's own names for its levels are not in the data.
  chapter: { ja: '見出し（第1階層）', en: 'chapter' },
  section: { ja: '見出し（第2階層）', en: 'section' },
  subsection: { ja: '見出し（第3階層）', en: 'subsection' },
  requirement: { ja: '遵守事項', en: 'requirement' },
  'basic-measure': { ja: '基本対策事項', en: 'basic measure' },
};

export const TIER_LABELS: Readonly<Record<IsmapTier, Bilingual>> = {
  governance: { ja: 'ガバナンス基準', en: 'governance criteria' },
  management: { ja: 'マネジメント基準', en: 'management criteria' },
  controls: { ja: '管理策基準', en: 'controls criteria' },
};

export const THEME_LABELS: Readonly<Record<string, Bilingual>> = {
  Organizational: { ja: '組織的管理策', en: 'organizational controls' },
  People: { ja: '人的管理策', en: 'people controls' },
  Physical: { ja: '物理的管理策', en: 'physical controls' },
  Technological: { ja: '技術的管理策', en: 'technological controls' },
};

const RELATIONSHIP_LABELS: Readonly<Record<IsoRelationship, Bilingual>> = {
  equal: { ja: '同等', en: 'equal' },
  subset: { ja: '2013年版が2022年版の一部', en: 'subset' },
  superset: { ja: '2013年版が2022年版を包含', en: 'superset' },
  intersect: { ja: '一部重複', en: 'intersect' },
  '': { ja: '関係の記載なし', en: 'relationship not stated' },
};

/**
 * A control's title in `language`, plain text: its own, else the other language's labelled as such (never a
 * translation); empty when it has none.
 */
export function titleIn(control: Control, language: Language): string {
  const own = language === 'ja' ? control.titleJa : control.title;
  const other = language === 'ja' ? control.title : control.titleJa;
  return own ? own : other ? `${OTHER_LANGUAGE_LABEL[language]}${other}` : '';
}

/**
 * The catalogue as a card names it: its short label (ISO/IEC 27001:2022, NIST SP 800-53 Rev. 5, ISMAP管理基準);
 * in English, for the ISMAP and 統一基準 labels written in Japanese, the framework's English name.
 */
export function catalogueLabel(catalogues: Catalogues, catalogue: CatalogueId, language: Language): string {
  const family = CATALOGUE_FAMILY[catalogue];
  if (language === 'ja' || family === 'iso27001' || family === 'nist-sp800-53') {
    return catalogues.info(catalogue)?.label ?? catalogue;
  }
  const name = frameworkName(catalogues, catalogue).en.replace(/^the /, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** "ISO/IEC 27001:2013 A.9.1.1 アクセス制御方針", escaped. */
function named(catalogues: Catalogues, control: Control, language: Language): string {
  const title = titleIn(control, language);
  return esc(`${catalogueLabel(catalogues, control.catalogue, language)} ${control.id}${title ? ` ${title}` : ''}`);
}

/** "A.9.1.1 アクセス制御方針", plain text. */
export function idAndTitle(control: Control, language: Language): string {
  const title = titleIn(control, language);
  return `${control.id}${title ? ` ${title}` : ''}`;
}

/** "（同等 · intuitem）" / " (equal · intuitem)", escaped. */
function relationship(mapping: IsoMapping, language: Language): string {
  return parenthesised(`${RELATIONSHIP_LABELS[mapping.relationship][language]} · ${mapping.sources.join(', ')}`, language);
}

function parenthesised(text: string, language: Language): string {
  return esc(language === 'ja' ? `（${text}）` : ` (${text})`);
}

function facts(catalogues: Catalogues, reference: ControlReference, language: Language): string[] {
  const { control } = reference;
  const ja = language === 'ja';
  const lines: string[] = [];
  const fact = (label: Bilingual, value: string) => lines.push(`- **${esc(label[language])}:** ${value}`);
  const ancestors = catalogues.ancestorsOf(control);
  const LEVEL = { ja: '区分', en: 'Level' };
  const WITHIN = { ja: '上位', en: 'Within' };

  switch (control.family) {
    case 'ismap': {
      // For an ID the partial list lacks, describe the ID by its shape and show the objective it belongs to.
      const written = reference.match === 'ancestor' ? reference.key : control.id;
      const detailed = written.split('.').filter((part) => /^\d+$/.test(part)).length === 4;
      const level: ControlLevel = reference.match === 'ancestor' ? (control.tier === 'controls' ? 'detailed' : 'sub-item') : control.level;
      fact(LEVEL, esc(LEVEL_LABELS[level][language]));
      if (control.tier) {
        fact({ ja: '階層', en: 'Tier' }, esc(TIER_LABELS[control.tier][language]));
      }
      if (level === 'objective' || level === 'detailed') {
        const suffix = reference.match === 'ancestor' ? (/\.(PB|B)$/.exec(written)?.[1] ?? '') : (control.suffix ?? '');
        const meaning = ismapSuffixMeaning(suffix as '' | 'B' | 'PB' | 'P', level);
        fact({ ja: '接尾辞', en: 'Suffix' }, esc(`${suffix ? `.${suffix}` : ja ? 'なし' : 'none'} — ${meaning[language]}`));
      } else if (level === 'item' || level === 'sub-item') {
        fact({ ja: '実施', en: 'Implementation' }, esc(ja ? '原則として全て実施' : 'in principle all apply'));
      }
      const objective = detailed ? catalogues.objectiveOf(written) : undefined;
      if (objective) {
        fact(objective.tier === 'controls' ? { ja: '管理目的', en: 'Objective' } : { ja: '項目', en: 'Item' }, esc(idAndTitle(objective, language)));
      }
      const headings = ancestors.filter((ancestor) => ancestor !== objective && (ancestor.level === 'domain' || ancestor.level === 'category' || ancestor.level === 'item'));
      if (headings.length > 0) {
        fact(WITHIN, esc(headings.reverse().map((heading) => idAndTitle(heading, language)).join(' › ')));
      }
      if (control.reference && reference.match !== 'ancestor') {
        fact({ ja: '準拠', en: 'Based on' }, esc(control.reference));
      }
      break;
    }
    case 'nist-sp800-53': {
      fact(LEVEL, esc(LEVEL_LABELS[control.level][language]));
      const base = control.level === 'enhancement' ? ancestors[0] : undefined;
      if (base) {
        fact({ ja: '基本管理策', en: 'Base control' }, esc(idAndTitle(base, language)));
      }
      const family = ancestors.find((ancestor) => ancestor.level === 'family');
      if (family && control.level !== 'family') {
        fact({ ja: 'ファミリー', en: 'Family' }, esc(idAndTitle(family, language)));
      }
      if (control.withdrawn) {
        lines.push(`- **${esc(ja ? '⚠ 廃止' : '⚠ Withdrawn')}** — ${esc(ja ? '統合先はデータにない' : 'the data does not name the control it was incorporated into')}`);
      } else if (control.level !== 'family') {
        fact({ ja: 'ベースライン', en: 'Baselines' }, esc(control.baselines.length > 0 ? control.baselines.map((name) => name.toUpperCase()).join(' · ') : ja ? 'なし' : 'none'));
      }
      break;
    }
    case 'iso27001': {
      fact(LEVEL, esc(LEVEL_LABELS[control.level][language]));
      if (control.theme) {
        fact({ ja: 'テーマ', en: 'Theme' }, esc(THEME_LABELS[control.theme]?.[language] ?? control.theme));
      }
      if (control.catalogue === 'iso27001-2022' && catalogues.iso2022To2013(control.id).length === 0) {
        fact({ ja: '新設', en: 'New' }, esc(ja ? '2022年版で新設' : 'new in the 2022 edition'));
      }
      break;
    }
    case 'common-standards': {
      const level: ControlLevel = reference.match === 'ancestor' ? (control.catalogue === 'common-standards-guideline-r5' ? 'basic-measure' : 'requirement') : control.level;
      fact(LEVEL, esc(LEVEL_LABELS[level][language]));
      const within = reference.match === 'ancestor' ? [control, ...ancestors] : ancestors;
      if (within.length > 0) {
        fact(WITHIN, esc(within.reverse().map((heading) => idAndTitle(heading, language)).join(' › ')));
      }
      if (control.page && reference.match !== 'ancestor') {
        fact({ ja: '英語版PDF', en: 'English PDF' }, esc(`p. ${control.page}`));
      }
      break;
    }
  }
  return lines;
}

function mappings(catalogues: Catalogues, reference: ControlReference, language: Language): string[] {
  const { control } = reference;
  const ja = language === 'ja';
  const lines: string[] = [];
  const ismapLabel = catalogueLabel(catalogues, 'ismap', language);
  switch (control.catalogue) {
    case 'ismap': {
      if (control.tier !== 'controls' || (control.level !== 'objective' && control.level !== 'detailed')) {
        break;
      }
      const detailed = control.level === 'detailed' || reference.match === 'ancestor';
      const objective = detailed ? catalogues.objectiveOf(reference.key) : control;
      const how = detailed
        ? ja
          ? `管理目的 ${objective?.id ?? ''} と同一番号`
          : `its objective ${objective?.id ?? ''}'s number`
        : ja
          ? '同一番号'
          : 'same number';
      if (objective?.suffix === 'P') {
        const number = objective.id.replace(/\.P$/, '');
        lines.push(`- ${esc(`ISO/IEC 27017:2015 CLD.${number}`)}${parenthesised(`${how}${ja ? '。本データに未収録' : '; not in the bundled catalogues'}`, language)}`);
        break;
      }
      const iso2013 = catalogues.ismapToIso2013(control.id);
      if (!iso2013) {
        break;
      }
      const first = `${named(catalogues, iso2013, language)}${parenthesised(how, language)}`;
      const onward = catalogues.iso2013To2022(iso2013.id);
      if (onward.length === 0) {
        lines.push(`- ${first}`);
      }
      for (const mapping of onward) {
        lines.push(`- ${first} → ${named(catalogues, mapping.to, language)}${relationship(mapping, language)}`);
      }
      break;
    }
    case 'iso27001-2013': {
      for (const mapping of catalogues.iso2013To2022(control.id)) {
        lines.push(`- → ${named(catalogues, mapping.to, language)}${relationship(mapping, language)}`);
      }
      const ismap = catalogues.iso2013ToIsmap(control.id);
      if (ismap) {
        lines.push(`- ${esc(`${ismapLabel} ${ismap.id}`)}${parenthesised(ja ? '管理目的、同一番号' : 'control objective with the same number', language)}`);
      }
      break;
    }
    case 'iso27001-2022': {
      const from = catalogues.iso2022To2013(control.id);
      for (const mapping of from) {
        lines.push(`- ← ${named(catalogues, mapping.from, language)}${relationship(mapping, language)}`);
      }
      const ismap = from.map((mapping) => catalogues.iso2013ToIsmap(mapping.from.id)).filter((found): found is Control => !!found);
      if (ismap.length > 0) {
        lines.push(
          `- ← ${esc(`${ismapLabel} ${ismap.map((found) => found.id).join(', ')}`)}${parenthesised(ja ? 'ISO/IEC 27001:2013 と同一番号の管理目的' : 'objectives numbered as in ISO/IEC 27001:2013', language)}`,
        );
      }
      break;
    }
    case 'common-standards-r5': {
      const own = catalogues.editionLink(control);
      const parent = own ? undefined : catalogues.parentOf(control.catalogue, control);
      const viaParent = parent ? catalogues.editionLink(parent) : undefined;
      if (own) {
        lines.push(`- → ${named(catalogues, own, language)}${parenthesised(ja ? '同一番号・同一項目' : 'same number and subject', language)}`);
      } else if (viaParent && parent) {
        lines.push(`- → ${named(catalogues, viaParent, language)}${parenthesised(ja ? `上位の ${parent.id} と同一` : `as its item ${parent.id}`, language)}`);
      }
      for (const measure of catalogues.editionLinksTo(control)) {
        lines.push(`- ← ${named(catalogues, measure, language)}${parenthesised(ja ? '基本対策事項' : 'basic measure', language)}`);
      }
      break;
    }
    case 'common-standards-r7': {
      for (const older of catalogues.editionLinksTo(control)) {
        lines.push(`- ← ${named(catalogues, older, language)}${parenthesised(ja ? '同一番号・同一項目' : 'same number and subject', language)}`);
      }
      break;
    }
    case 'common-standards-guideline-r5': {
      const requirement = catalogues.editionLink(control);
      if (requirement) {
        lines.push(`- → ${named(catalogues, requirement, language)}${parenthesised(ja ? '関連する遵守事項' : 'the requirement it belongs to', language)}`);
      }
      break;
    }
    case 'nist-sp800-53r5':
      break;
  }
  return lines;
}

/** How sure a Japanese title is, by its source (none for a title the catalogue's own text gives). */
const JAPANESE_SOURCE_NOTES: Readonly<Record<string, Bilingual>> = {
  'seed-r5': { ja: '（令和5年度版の見出し）', en: 'heading in the FY2023 edition' },
  'h30-guideline': { ja: '（参考: 平成30年度版ガイドラインの見出し。令和7年度版の表現とは異なる場合がある）', en: 'indicative only: heading in the 2018 guideline' },
  'jis-2014': { ja: '（JIS Q 27001:2014 附属書A の見出し）', en: 'JIS heading of the same number' },
  'jis-2023': { ja: '（JIS Q 27001:2023 附属書A の見出し）', en: 'JIS heading' },
};

/** Whether the control is current, in a few words (escaped). */
function currency(catalogues: Catalogues, control: Control, language: Language): string {
  const ja = language === 'ja';
  if (control.withdrawn) {
    return `**${esc(ja ? '⚠ 廃止' : '⚠ withdrawn')}**`;
  }
  // Whether the edition is current, as far as the catalogue manifest says (successor, newerEditionChecked).
  const info = catalogues.info(control.catalogue);
  if (info?.successor) {
    return `**${esc(ja ? '⚠ 旧版' : '⚠ superseded edition')}** ${esc(`→ ${catalogueLabel(catalogues, info.successor, language)}`)}`;
  }
  if (info?.newerEditionChecked === false) {
    return esc(ja ? '新しい版の有無は未確認' : 'newer edition not checked');
  }
  return esc(ja ? '現行版' : 'current edition');
}

/** The hover card (Markdown, data escaped) in `language` for a resolved control reference. */
export function controlCard(catalogues: Catalogues, reference: ControlReference, language: Language): string {
  const { control } = reference;
  const ja = language === 'ja';
  const info = catalogues.info(control.catalogue)!;
  const shownId = reference.match === 'ancestor' ? reference.key : control.id;
  const header: string[] = [];
  // The title of the control itself (an ID the partial data lacks has none; its parent's is below).
  const title = reference.match === 'ancestor' ? '' : esc(titleIn(control, language));
  const ownTitle = ja ? control.titleJa : control.title;
  const note = reference.match !== 'ancestor' && control.titleJaSource ? JAPANESE_SOURCE_NOTES[control.titleJaSource] : undefined;
  // How sure a Japanese title is: after it on a Japanese card; on an English card only when the title shown is the Japanese one.
  const titleNote = note ? (ja ? (ownTitle ? esc(note.ja) : '') : ownTitle ? '' : esc(` (${note.en})`)) : '';
  header.push(`**${esc(`${catalogueLabel(catalogues, control.catalogue, language)} ${shownId}`)}**${title ? ` ${title}${titleNote}` : ''}`);
  header.push(`${esc(info.name[language])} · ${currency(catalogues, control, language)}`);
  if (reference.written !== shownId) {
    header.push(esc(ja ? `表記「${reference.written}」→ ${shownId}` : `written "${reference.written}" → ${shownId}`));
  }
  if (reference.match === 'suffix-differs') {
    header.push(`**${esc(ja ? '⚠ 接尾辞の不一致:' : '⚠ Suffix differs:')}** ${esc(ja ? `${reference.key} は収録データでは ${control.id}` : `${reference.key} is listed as ${control.id}`)}`);
  }
  if (reference.match === 'ancestor') {
    header.push(
      `**${esc(ja ? '収録外:' : 'Not listed:')}** ${esc(ja ? `${reference.key} は収録データにない。上位の ${control.id} を表示` : `${reference.key} is not in the bundled data; showing ${control.id}`)}`,
    );
  }
  const lines = headerBlock(header);

  const factLines = facts(catalogues, reference, language);
  const mappingLines = mappings(catalogues, reference, language);
  if (factLines.length > 0 || mappingLines.length > 0) {
    lines.push('', '---');
  }
  if (factLines.length > 0) {
    lines.push('', ...factLines);
  }
  if (mappingLines.length > 0) {
    lines.push('', `**${esc(ja ? '対応:' : 'Mappings:')}**`, '', ...mappingLines);
  }
  lines.push('', '---', '');
  lines.push(`**${esc(ja ? '出典:' : 'Source:')}** ${markdownLink(info.source.title, info.source.url)}`);
  // Edition and coverage are written in English only in the catalogue manifest. What a partial catalogue
  // leaves out is a caveat: its first sentence here, the rest in the manifest.
  const english = ja ? OTHER_LANGUAGE_LABEL.ja : '';
  lines.push('', `**${esc(ja ? '版:' : 'Edition:')}** ${english}${esc(info.edition)}`);
  if (info.partial) {
    const first = firstSentence(info.coverage, 'en');
    const more = first.length < info.coverage.trim().length ? (ja ? '（詳細はカタログ一覧 catalogues.yaml）' : ' (details in the catalogue manifest, catalogues.yaml)') : '';
    lines.push('', `**${esc(ja ? '部分データ:' : 'Partial data:')}** ${english}${esc(first + more)}`);
  }
  lines.push('', `*${esc(ja ? `時点 ${info.asOf} · govsecカタログ: ${info.id}` : `as of ${info.asOf} · govsec catalogue: ${info.id}`)}*`);
  return lines.join('\n');
}

/** Resolves a written ID in a catalogue and renders its card; undefined when the ID is unknown. */
export function controlCardFor(catalogues: Catalogues, catalogue: CatalogueId, rawId: string, language: Language): string | undefined {
  const reference = catalogues.resolve(catalogue, rawId);
  return reference ? controlCard(catalogues, reference, language) : undefined;
}
