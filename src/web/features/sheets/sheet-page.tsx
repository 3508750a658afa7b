import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataLang } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { SelectField } from '../../components/form-field.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useMembership, useOrgId } from '../../lib/org-context.js';
import { can } from '../../lib/permissions.js';
import { useLanguage } from '../../lib/problems.js';
import { templateTitle } from './sheet-labels.js';
import { type SheetTemplateVersion, sheetExportHref, sheetVersionsQueryOptions } from './sheet-queries.js';

/** One template, readable: sections → items → levels, newest version unless another is chosen. */
export function SheetPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const { templateId = '' } = useParams({ strict: false });
  const versions = useQuery(sheetVersionsQueryOptions(orgId, templateId));
  const [chosen, setChosen] = useState<number>();
  const list = versions.data ?? [];
  const shown = list.find((v) => v.version === chosen) ?? list[0];

  return (
    <>
      <p className="back-link">
        <Link to="/orgs/$orgId/sheets" params={{ orgId }}>
          {t('sheets.back')}
        </Link>
      </p>
      {versions.isPending && <Loading />}
      {versions.isError && <QueryError error={versions.error} onRetry={() => void versions.refetch()} />}
      {shown && (
        <SheetVersionView orgId={orgId} shown={shown} versions={list} onChoose={(version) => setChosen(version)} />
      )}
    </>
  );
}

function SheetVersionView({
  orgId,
  shown,
  versions,
  onChoose,
}: {
  orgId: string;
  shown: SheetTemplateVersion;
  versions: SheetTemplateVersion[];
  onChoose: (version: number) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const canManage = can(useMembership(), 'sheet.manage');
  const content = shown.content;
  const title = templateTitle(content, language);
  const titleLang = useDataLang(title);
  const descriptionLang = useDataLang(content.description);
  // Sections and levels are written in one language, usually Japanese; an English page says so.
  const bodyLang = useDataLang(content.sections[0]?.title);

  return (
    <article className="sheet">
      <PageHeader
        title={title}
        titleLang={titleLang}
        lead={content.description && <span lang={descriptionLang}>{content.description}</span>}
      />
      <div className="sheet__meta panel">
        <p className="sheet__kind">
          {[t(`sheetEditions.${content.edition}`), t(`sheetVariants.${content.variant}`)].join(t('rounds.separator'))}
        </p>
        <SelectField
          label={t('sheets.version')}
          fieldClassName="sheet__version no-print"
          value={shown.version}
          onChange={(event) => onChoose(Number(event.target.value))}
        >
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              {t('sheets.versionNumber', { version: v.version })}
            </option>
          ))}
        </SelectField>
        <p className="sheet__created">
          {t('sheets.versionNumber', { version: shown.version })}: <DateText value={shown.createdAt} />
          {shown.createdByName && ` ${t('sheets.createdBy', { name: shown.createdByName })}`}
        </p>
        <p className="button-row no-print">
          {canManage && (
            <Link
              className="button button--primary button--sm"
              to="/orgs/$orgId/sheets/$templateId/edit"
              params={{ orgId, templateId: shown.templateId }}
              search={{ version: shown.version }}
            >
              {t('sheets.edit')}
            </Link>
          )}
          <a
            className="button button--secondary button--sm"
            href={sheetExportHref(orgId, shown.templateId, shown.version, 'yaml')}
            download
          >
            {t('sheets.downloadYaml')}
          </a>
          <a
            className="button button--secondary button--sm"
            href={sheetExportHref(orgId, shown.templateId, shown.version, 'json')}
            download
          >
            {t('sheets.downloadJson')}
          </a>
        </p>
      </div>
      <div lang={bodyLang}>
        {content.sections.map((section, s) => (
          <section key={section.key} className="sheet-section" aria-labelledby={`sheet-section-${s}`}>
            <h2 id={`sheet-section-${s}`} className="sheet-section__title">
              {section.title}
            </h2>
            {section.description && <p className="sheet-section__description">{section.description}</p>}
            {section.items.map((item) => (
              <section key={item.key} className="sheet-item" aria-labelledby={`sheet-item-${item.key}`}>
                <h3 id={`sheet-item-${item.key}`} className="sheet-item__title">
                  {item.title}
                </h3>
                {item.question && <p className="sheet-item__question">{item.question}</p>}
                {item.guidance && (
                  <p className="sheet-item__guidance">
                    <span className="sheet-item__guidance-label">{t('sheets.guidance')}</span> {item.guidance}
                  </p>
                )}
                <ol className="sheet-levels" aria-label={t('sheets.levelsOf', { title: item.title })}>
                  {item.levels.map((level, l) => (
                    <li key={level.label} className="sheet-level">
                      <p className="sheet-level__head">
                        <span className="sheet-level__number">{t('sheets.level', { number: l + 1 })}</span>
                        <span className="sheet-level__label">{level.label}</span>
                      </p>
                      <p className="sheet-level__descriptor">{level.descriptor}</p>
                    </li>
                  ))}
                </ol>
              </section>
            ))}
          </section>
        ))}
      </div>
    </article>
  );
}
