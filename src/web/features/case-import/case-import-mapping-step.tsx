import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseImport,
  type ImportMapping,
  type ImportTarget,
  importTargets,
} from '../../../shared/case-import/import-schema.js';
import { Button } from '../../components/button.js';
import { DataTable } from '../../components/data-table.js';
import { SelectField } from '../../components/form-field.js';

const required: ImportTarget[] = ['title', 'happenedOn'];

function columnLabel(t: TFunction, headers: string[], index: number) {
  const name = headers[index];
  return name
    ? t('caseImport.mapping.columnName', { index: index + 1, name })
    : t('caseImport.mapping.columnUnnamed', { index: index + 1 });
}

/** Step 2: which column feeds which field, beside a preview of the first rows. */
export function MappingStep({
  list,
  mapping,
  onChange,
  onNext,
  onRestart,
}: {
  list: CaseImport;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  onNext: () => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState<ImportTarget[]>([]);
  const first = list.preview[0]?.cells ?? [];
  const set = (target: ImportTarget, value: string) => {
    const next = { ...mapping } as Record<string, number>;
    if (value === '') delete next[target];
    else next[target] = Number(value);
    onChange(next as ImportMapping);
    setMissing((m) => m.filter((x) => x !== target));
  };
  const next = () => {
    const absent = required.filter((target) => mapping[target] === undefined);
    setMissing(absent);
    if (absent.length === 0) onNext();
  };

  return (
    <>
      <p>{t('caseImport.mapping.lead')}</p>
      <p className="case-import-file-summary">
        {t('caseImport.mapping.summary', {
          fileName: list.fileName,
          format: t(`caseImport.formats.${list.format}`),
          count: list.rowCount,
        })}
      </p>
      <div className="case-import-mapping">
        {importTargets.map((target) => {
          const index = mapping[target];
          return (
            <div key={target} className="case-import-mapping__row">
              <SelectField
                label={t(`caseImport.targets.${target}`)}
                required={required.includes(target)}
                value={index === undefined ? '' : String(index)}
                onChange={(event) => set(target, event.target.value)}
                error={
                  missing.includes(target)
                    ? t('caseImport.mapping.missing', { field: t(`caseImport.targets.${target}`) })
                    : undefined
                }
                hint={
                  index !== undefined && first[index]
                    ? `${t('caseImport.mapping.sample')}：${first[index].slice(0, 60)}`
                    : undefined
                }
              >
                <option value="">{t('caseImport.mapping.notUsed')}</option>
                {list.headers.map((_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by position
                  <option key={i} value={i}>
                    {columnLabel(t, list.headers, i)}
                  </option>
                ))}
              </SelectField>
            </div>
          );
        })}
      </div>
      <h3 className="case-import-subtitle">{t('caseImport.mapping.preview', { count: list.preview.length })}</h3>
      <DataTable
        caption={t('caseImport.mapping.previewCaption')}
        rows={list.preview}
        rowKey={(row) => String(row.row)}
        columns={[
          {
            key: 'row',
            header: t('caseImport.mapping.row'),
            render: (row) => t('caseImport.rowNumber', { row: row.row }),
            isRowHeader: true,
          },
          ...list.headers.map((_, i) => ({
            key: `c${i}`,
            header: list.headers[i] || columnLabel(t, list.headers, i),
            render: (row: CaseImport['preview'][number]) => <span className="case-import-cell">{row.cells[i]}</span>,
          })),
        ]}
      />
      <div className="case-import-actions">
        <Button variant="primary" onClick={next}>
          {t('caseImport.mapping.check')}
        </Button>
        <Button variant="secondary" onClick={onRestart}>
          {t('caseImport.mapping.restart')}
        </Button>
      </div>
    </>
  );
}
