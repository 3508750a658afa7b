import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useBlocker, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sheetEditions, sheetVariants } from '../../../shared/sheets/template-schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { SelectField } from '../../components/form-field.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useToast } from '../../components/toast.js';
import { ApiError } from '../../lib/api.js';
import { useOrgId } from '../../lib/org-context.js';
import { useErrorText, useLanguage } from '../../lib/problems.js';
import { contentFromDraft, type Draft } from './editor/draft.js';
import { EditorTextArea, EditorTextField, GroupError } from './editor/editor-fields.js';
import { ErrorSummary } from './editor/error-summary.js';
import { type EditorProblem, fieldId, problemsFromServer, validateContent, valueAt } from './editor/problems.js';
import { saveTemplateVersion } from './editor/save-version.js';
import { SectionEditor } from './editor/section-editor.js';
import { controlId, useTemplateDraft } from './editor/use-template-draft.js';
import { templateTitle } from './sheet-labels.js';
import { type SheetTemplateVersion, sheetVersionsQueryOptions, useRefreshSheets } from './sheet-queries.js';
import './editor/editor.css';

/**
 * Edits a template in the browser. A version never changes once saved, so saving here adds the
 * template's next version; the one being edited (the newest unless `?version=` says otherwise) stays.
 */
export function TemplateEditorPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const { templateId = '' } = useParams({ strict: false });
  const search: { version?: number } = useSearch({ strict: false });
  const versions = useQuery(sheetVersionsQueryOptions(orgId, templateId));
  const list = versions.data ?? [];
  // Chosen once: saving refreshes the list, and the draft must not jump to the version it just made.
  const [baseVersion, setBaseVersion] = useState<number>();
  const latest = list[0]?.version;
  if (baseVersion === undefined && latest !== undefined) setBaseVersion(search.version ?? latest);
  const base = list.find((v) => v.version === baseVersion);
  const earlierKeys = useMemo(
    () => list.flatMap((v) => v.content.sections.flatMap((s) => [s.key, ...s.items.map((i) => i.key)])),
    [list],
  );

  return (
    <>
      <p className="back-link">
        <Link to="/orgs/$orgId/sheets/$templateId" params={{ orgId, templateId }}>
          {t('editor.back')}
        </Link>
      </p>
      {versions.isPending && <Loading />}
      {versions.isError && <QueryError error={versions.error} onRetry={() => void versions.refetch()} />}
      {versions.isSuccess && !base && (
        <>
          <PageHeader title={t('editor.title')} />
          <Alert tone="error">{t('editor.versionMissing', { version: baseVersion ?? 0 })}</Alert>
        </>
      )}
      {base && latest !== undefined && (
        <TemplateEditor
          key={`${base.templateId}-${base.version}`}
          orgId={orgId}
          base={base}
          nextVersion={latest + 1}
          earlierKeys={earlierKeys}
        />
      )}
    </>
  );
}

function TemplateEditor({
  orgId,
  base,
  nextVersion,
  earlierKeys,
}: {
  orgId: string;
  base: SheetTemplateVersion;
  nextVersion: number;
  earlierKeys: readonly string[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const notify = useToast();
  const navigate = useNavigate();
  const refresh = useRefreshSheets(orgId);
  const { draft, isDirty, actions, announcement } = useTemplateDraft(base.content, earlierKeys);
  const content = useMemo(() => contentFromDraft(draft), [draft]);
  const summaryRef = useRef<HTMLElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  // Problems show from the first attempt to save on, and then follow every keystroke.
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<{ problems: EditorProblem[]; sent: unknown }>();

  const problems = useMemo(() => {
    const found = attempted ? validateContent(content, language) : [];
    const paths = new Set(found.map((p) => p.path));
    // A server problem stays until its field changes; the message was about the value sent.
    for (const problem of server?.problems ?? []) {
      const same =
        JSON.stringify(valueAt(content, problem.path)) === JSON.stringify(valueAt(server?.sent, problem.path));
      if (same && !paths.has(problem.path)) found.push(problem);
    }
    return found;
  }, [attempted, content, language, server]);
  const inline = useMemo(() => new Map(problems.map((p) => [p.path, p.inline])), [problems]);

  const leaving = useRef({ dirty: isDirty, saved: false });
  leaving.current.dirty = isDirty;
  const blocker = useBlocker({
    shouldBlockFn: () => leaving.current.dirty && !leaving.current.saved,
    enableBeforeUnload: () => leaving.current.dirty && !leaving.current.saved,
    withResolver: true,
  });

  const save = useMutation({
    mutationFn: (sent: unknown) => saveTemplateVersion(orgId, base.templateId, sent),
    onSuccess: async (created) => {
      leaving.current.saved = true;
      await refresh();
      notify(t('editor.saved', { version: created.version }));
      await navigate({ to: '/orgs/$orgId/sheets/$templateId', params: { orgId, templateId: created.templateId } });
    },
    onError: (error, sent) => {
      setServer({ problems: problemsFromServer(error, language), sent });
      requestAnimationFrame(() => (summaryRef.current ?? failureRef.current)?.focus());
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setServer(undefined);
    save.reset();
    if (validateContent(content, language).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    save.mutate(content);
  };

  const change = (update: Partial<Draft>) => actions.edit((d) => ({ ...d, ...update }));
  const title = templateTitle(base.content, language);
  const failure = save.isError && !(save.error instanceof ApiError && save.error.problem.errors?.length);

  return (
    <>
      <PageHeader
        title={t('editor.title')}
        lead={t('editor.lead', { title, version: base.version, next: nextVersion })}
      />
      <form
        className="editor"
        noValidate
        onSubmit={submit}
        // Enter in a one-line field would save a version that can never be changed; only the button saves.
        onKeyDown={(event) => {
          if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
        }}
      >
        {problems.length > 0 && <ErrorSummary ref={summaryRef} problems={problems} />}
        {failure && (
          <div ref={failureRef} tabIndex={-1}>
            <Alert tone="error">{errorText(save.error)}</Alert>
          </div>
        )}

        <section className="panel editor__basics" aria-labelledby="editor-basics">
          <h2 id="editor-basics" className="panel__title">
            {t('editor.basics')}
          </h2>
          <dl className="editor__key">
            <dt>{t('editor.key')}</dt>
            <dd>
              <code>{draft.key}</code> <span className="field__hint">{t('editor.keyFixed')}</span>
            </dd>
          </dl>
          <GroupError path="" problems={inline} />
          <GroupError path="key" problems={inline} />
          <EditorTextField
            path="title.ja"
            label={t('editor.titleJa')}
            value={draft.titleJa}
            required
            problems={inline}
            onChange={(titleJa) => change({ titleJa })}
          />
          <EditorTextField
            path="title.en"
            label={t('editor.titleEn')}
            optional
            value={draft.titleEn}
            problems={inline}
            onChange={(titleEn) => change({ titleEn })}
          />
          <EditorTextArea
            path="description"
            label={t('editor.description')}
            optional
            rows={3}
            value={draft.description}
            problems={inline}
            onChange={(description) => change({ description })}
          />
          <div className="form-row">
            <SelectField
              id={fieldId('edition')}
              label={t('editor.edition')}
              value={draft.edition}
              error={inline.get('edition')}
              onChange={(event) => change({ edition: event.target.value as Draft['edition'] })}
            >
              {sheetEditions.map((edition) => (
                <option key={edition} value={edition}>
                  {t(`sheetEditions.${edition}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={fieldId('variant')}
              label={t('editor.variant')}
              value={draft.variant}
              error={inline.get('variant')}
              onChange={(event) => change({ variant: event.target.value as Draft['variant'] })}
            >
              {sheetVariants.map((variant) => (
                <option key={variant} value={variant}>
                  {t(`sheetVariants.${variant}`)}
                </option>
              ))}
            </SelectField>
          </div>
        </section>

        <section className="editor__sections" aria-labelledby="editor-sections">
          <h2 id="editor-sections" className="editor__sections-title">
            {t('editor.sectionsTitle')}
          </h2>
          <div id={fieldId('sections')} tabIndex={-1}>
            <GroupError path="sections" problems={inline} />
            <ol className="editor-sections">
              {draft.sections.map((section, s) => (
                <SectionEditor
                  key={section.uid}
                  draft={draft}
                  section={section}
                  s={s}
                  problems={inline}
                  actions={actions}
                />
              ))}
            </ol>
          </div>
          <div className="button-row">
            <Button id={controlId.addSection} onClick={actions.addSection}>
              <span aria-hidden="true">＋</span> {t('editor.addSection')}
            </Button>
          </div>
        </section>

        <div className="button-row editor__actions">
          <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('editor.saving')}>
            {t('editor.save')}
          </Button>
          <Link
            className="button button--tertiary"
            to="/orgs/$orgId/sheets/$templateId"
            params={{ orgId, templateId: base.templateId }}
          >
            {t('editor.cancel')}
          </Link>
        </div>
      </form>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <ConfirmDialog
        open={blocker.status === 'blocked'}
        title={t('editor.leaveTitle')}
        body={t('editor.leaveBody')}
        confirmLabel={t('editor.leaveConfirm')}
        onClose={() => blocker.reset?.()}
        onConfirm={() => blocker.proceed?.()}
      />
    </>
  );
}
