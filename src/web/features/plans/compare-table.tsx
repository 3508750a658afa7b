import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanContent, PlanStep } from '../../../shared/plans/plan-schema.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import type { ChangeKind, CompareRow } from './compare-rows.js';
import { useSceneName } from './plan-labels.js';

interface CompareTableProps {
  orgId: string;
  rows: CompareRow[];
  from: PlanContent;
  to: PlanContent;
  fromName: string;
  toName: string;
}

/**
 * The comparison as a table: a row per field and per step, the older side, the newer side, and the
 * change in words (追加・削除・変更 and which parts), marked by colour as well, never by colour alone.
 */
export function CompareTable({ orgId, rows, from, to, fromName, toName }: CompareTableProps) {
  const { t } = useTranslation();
  const sceneName = useSceneName(orgId);
  const fieldValue = (content: PlanContent, path: string): ReactNode => {
    if (path.startsWith('involve.')) {
      const key = path.slice('involve.'.length) as keyof PlanContent['involve'];
      return content.involve[key] ? <DataText>{content.involve[key]}</DataText> : t('common.notSet');
    }
    switch (path) {
      case 'title':
        return <DataText>{content.title}</DataText>;
      case 'goal':
        return <DataText>{content.goal}</DataText>;
      case 'aim':
        return t(`plans.aim.${content.aim}`);
      case 'startsOn':
        return <DateText value={content.startsOn} />;
      case 'sheetItems':
        return content.sheetItems.length === 0
          ? t('plans.none')
          : content.sheetItems.map((i) => i.itemTitle).join(t('plans.listSeparator'));
      case 'scenes':
        return content.scenes.length === 0
          ? t('plans.none')
          : content.scenes.map((id) => sceneName(id)).join(t('plans.listSeparator'));
      default:
        return null;
    }
  };
  const fieldName = (path: string) =>
    path.startsWith('involve.')
      ? t(`plans.involve.${path.slice('involve.'.length) as 'colleagues'}`)
      : t(`plans.fields.${path as 'title'}`);
  const stepNumber = (content: PlanContent, id: string) => content.steps.findIndex((s) => s.id === id) + 1;

  const stepCell = (content: PlanContent, step: PlanStep | null, changed: string[]): ReactNode => {
    if (!step) return <span className="plan-compare__empty">{t('plans.compare.noStep')}</span>;
    const part = (field: string, label: string, value: ReactNode) => (
      <div
        className={changed.includes(field) ? 'plan-compare__part plan-compare__part--changed' : 'plan-compare__part'}
      >
        <dt>{label}</dt>
        <dd>
          {value}
          {changed.includes(field) && <span className="plan-compare__flag">{t('plans.compare.changedMark')}</span>}
        </dd>
      </div>
    );
    return (
      <dl className="plan-compare__step">
        {part('text', t('plans.steps.text'), <DataText>{step.text}</DataText>)}
        {part('owner', t('plans.steps.owner'), step.owner ? <DataText>{step.owner}</DataText> : t('common.notSet'))}
        {part('dueOn', t('plans.steps.dueOn'), step.dueOn ? <DateText value={step.dueOn} /> : t('common.notSet'))}
        {part('status', t('plans.steps.status'), t(`plans.stepStatus.${step.status}`))}
        {part(
          'after',
          t('plans.steps.after'),
          step.after.length === 0
            ? t('plans.none')
            : step.after
                .map((id) => t('plans.steps.afterOption', { number: stepNumber(content, id) }))
                .join(t('plans.listSeparator')),
        )}
      </dl>
    );
  };

  const changeText = (kind: ChangeKind | null, parts: string[] = []) => {
    if (!kind) return <span className="plan-compare__same">{t('plans.compare.unchanged')}</span>;
    const names = parts.map((p) => t(`plans.steps.${p as 'text'}`, { defaultValue: p })).join(t('plans.listSeparator'));
    return (
      <span className={`plan-compare__kind plan-compare__kind--${kind}`}>
        {t(`plans.compare.kind.${kind}`)}
        {kind === 'changed' && names ? t('plans.compare.parts', { parts: names }) : ''}
      </span>
    );
  };

  return (
    <div className="plan-compare">
      <table className="plan-compare__table">
        <caption className="visually-hidden">{t('plans.compare.caption', { from: fromName, to: toName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.compare.item')}</th>
            <th scope="col">{fromName}</th>
            <th scope="col">{toName}</th>
            <th scope="col">{t('plans.compare.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            if (row.kind === 'field') {
              return (
                <tr key={row.path} className={row.change ? `plan-compare__row--${row.change}` : undefined}>
                  <th scope="row">{fieldName(row.path)}</th>
                  <td data-label={fromName}>{fieldValue(from, row.path)}</td>
                  <td data-label={toName}>{fieldValue(to, row.path)}</td>
                  <td data-label={t('plans.compare.change')}>{changeText(row.change)}</td>
                </tr>
              );
            }
            const number = row.after ? stepNumber(to, row.stepId) : stepNumber(from, row.stepId);
            const text = (row.after ?? row.before)?.text ?? '';
            return (
              <tr key={`step-${row.stepId}`} className={row.change ? `plan-compare__row--${row.change}` : undefined}>
                <th scope="row">
                  {row.after ? t('plans.steps.legend', { number }) : t('plans.compare.oldStep', { number })}
                  <span className="visually-hidden">
                    {' '}
                    <DataText>{text}</DataText>
                  </span>
                </th>
                <td data-label={fromName}>
                  {stepCell(from, row.before, row.change === 'changed' ? row.changedFields : [])}
                </td>
                <td data-label={toName}>
                  {stepCell(to, row.after, row.change === 'changed' ? row.changedFields : [])}
                </td>
                <td data-label={t('plans.compare.change')}>{changeText(row.change, row.changedFields)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
