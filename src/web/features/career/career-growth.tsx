import { useTranslation } from 'react-i18next';
import type { SceneGrid } from '../../../shared/cases/scene-grid.js';
import { formatFiscalYear } from '../../lib/format.js';
import { useLanguage } from '../../lib/problems.js';
import { type Growth, levelRank, stageRank } from './career-timeline.js';
import { GrowthChart } from './growth-chart.js';

/**
 * How the person's stage widened (越境) and their change level rose: a sentence each, and a chart
 * each of the widest stage and highest level reached by every fiscal year.
 */
export function CareerGrowth({ growth, grid }: { growth: Growth; grid: SceneGrid }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!growth.start || !growth.widest || !growth.highest) {
    return <p className="career-note">{t('career.growth.none')}</p>;
  }
  const stageName = (id: string) => grid.stages.find((s) => s.id === id)?.label[language] ?? id;
  const levelName = (id: string) => grid.levels.find((l) => l.id === id)?.label[language] ?? id;
  const year = (fiscalYear: number) => formatFiscalYear(fiscalYear, language);
  const separator = t('career.growth.listSeparator');
  const widestStage = grid.stages.at(-1)?.id;

  const stageWords =
    growth.stageSteps > 0
      ? t('career.growth.stageWidened', {
          from: stageName(growth.start.stage),
          to: stageName(growth.widest.stage),
          startYear: year(growth.start.fiscalYear),
          year: year(growth.widest.fiscalYear),
          steps: growth.stageSteps,
        })
      : growth.widest.stage === widestStage
        ? t('career.growth.stageWidest', { stage: stageName(growth.widest.stage) })
        : t('career.growth.stageSame', { stage: stageName(growth.widest.stage) });
  const levelWords =
    growth.levelSteps > 0
      ? t('career.growth.levelRose', {
          from: levelName(growth.start.level),
          to: levelName(growth.highest.level),
          startYear: year(growth.start.fiscalYear),
          year: year(growth.highest.fiscalYear),
        })
      : t('career.growth.levelSame', { level: levelName(growth.highest.level) });

  const yearLabel = (fiscalYear: number) => t('career.growth.yearShort', { year: fiscalYear });
  const stageColumns = growth.years.map((y) => ({
    key: String(y.fiscalYear),
    label: yearLabel(y.fiscalYear),
    value: y.widestStage ? stageRank(y.widestStage) + 1 : 0,
  }));
  const levelColumns = growth.years.map((y) => ({
    key: String(y.fiscalYear),
    label: yearLabel(y.fiscalYear),
    value: y.highestLevel ? levelRank(y.highestLevel) + 1 : 0,
  }));
  const listed = (pick: (y: Growth['years'][number]) => string | null) =>
    growth.years.map((y) => `${year(y.fiscalYear)} ${pick(y) ?? t('career.growth.notYet')}`).join(separator);

  return (
    <div className="career-growth">
      <section className="career-growth__part" aria-labelledby="career-growth-stage">
        <h3 id="career-growth-stage" className="career-growth__title">
          {t('career.growth.stageTitle')}
        </h3>
        <p className="career-growth__words">{stageWords}</p>
        <GrowthChart
          steps={grid.stages.map((s) => ({ key: s.id, label: s.label[language] }))}
          columns={stageColumns}
          label={t('career.growth.chartStage', {
            values: listed((y) => (y.widestStage ? stageName(y.widestStage) : null)),
          })}
          axisNote={t('career.growth.axis')}
        />
      </section>
      <section className="career-growth__part" aria-labelledby="career-growth-level">
        <h3 id="career-growth-level" className="career-growth__title">
          {t('career.growth.levelTitle')}
        </h3>
        <p className="career-growth__words">{levelWords}</p>
        <GrowthChart
          steps={grid.levels.map((l) => ({ key: l.id, label: l.label[language] }))}
          columns={levelColumns}
          label={t('career.growth.chartLevel', {
            values: listed((y) => (y.highestLevel ? levelName(y.highestLevel) : null)),
          })}
          axisNote={t('career.growth.axis')}
        />
      </section>
    </div>
  );
}
