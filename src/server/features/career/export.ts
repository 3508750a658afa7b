import type { CareerMap } from '../../../shared/career/career-schema.js';
import { careerWords } from '../../../shared/career/career-words.js';
import { buildSceneGrid, sceneLabel } from '../../../shared/cases/scene-grid.js';
import { fiscalYearOfDay } from '../../../shared/common/japan-days.js';
import type { Locale } from '../../../shared/common/schema.js';
import { attachmentDisposition, type Table, tabularFile } from '../../lib/tabular.js';

const headers = {
  ja: ['種別', '件名', '開始日', '終了日', '年度', '組織', '部署', '12場面', '内容', 'ふりかえり', 'ID'],
  en: [
    'Kind',
    'Title',
    'Started',
    'Ended',
    'Fiscal year',
    'Organisation',
    'Department',
    'Scene',
    'Description',
    'Reflection',
    'ID',
  ],
} as const;

/** The map as one table, entries and cases together, newest first: what a timeline shows, for Excel. */
function toTable(map: CareerMap, lang: Locale): Table {
  const words = careerWords[lang];
  // The map crosses organisations, each possibly with its own labels: the default ones are common to all.
  const grid = buildSceneGrid([]);
  const rows = [
    ...map.entries.map((e) => ({
      day: e.startedOn,
      cells: [
        words.kinds[e.kind],
        e.title,
        e.startedOn,
        e.endedOn,
        fiscalYearOfDay(e.startedOn),
        e.orgName || null,
        e.departmentName || null,
        e.sceneId ? sceneLabel(grid, e.sceneId, lang) : null,
        e.description || null,
        e.reflection || null,
        e.id,
      ],
    })),
    ...map.cases.map((c) => ({
      day: c.happenedOn,
      cells: [
        words.case,
        c.title,
        c.happenedOn,
        null,
        fiscalYearOfDay(c.happenedOn),
        c.orgName,
        c.departmentName,
        c.sceneId ? sceneLabel(grid, c.sceneId, lang) : null,
        null,
        null,
        c.id,
      ],
    })),
  ].sort((a, b) => b.day.localeCompare(a.day));
  return {
    name: lang === 'ja' ? '改善キャリアマップ' : 'Career map',
    header: [...headers[lang]],
    rows: rows.map((r) => r.cells),
  };
}

/**
 * A download of the whole map: CSV (UTF-8 with BOM) or xlsx to read, JSON to carry it to another
 * system, with everything the map holds.
 */
export async function exportCareerMap(map: CareerMap, format: 'csv' | 'xlsx' | 'json', lang: Locale, now: Date) {
  const stem = lang === 'ja' ? '改善キャリアマップ' : 'career-map';
  if (format === 'json') {
    const document = { format: 'kaizen-navi/career-map', version: 1, exportedAt: now.toISOString(), ...map };
    return {
      body: Buffer.from(JSON.stringify(document, null, 2), 'utf8'),
      contentType: 'application/json; charset=utf-8',
      disposition: attachmentDisposition(`${stem}.json`),
    };
  }
  const table = toTable(map, lang);
  return tabularFile(table, format, stem);
}
