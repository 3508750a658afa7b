import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { useDataLang } from '../../components/data-text.js';
import { AnsweredItem } from './answer-item.js';
import { initialValues, itemsOf } from './answer-state.js';
import type { MyResponse, RoundDetail } from './round-queries.js';

/** After close: my answers as they were given, or a note that there are none. */
export function ClosedView({
  orgId,
  round,
  response,
}: {
  orgId: string;
  round: RoundDetail;
  response: MyResponse | null;
}) {
  const { t } = useTranslation();
  const items = itemsOf(round.content);
  const lang = useDataLang(round.content.sections[0]?.title);
  if (!response) {
    return <Alert tone="info">{t('rounds.answer.closedNoResponse')}</Alert>;
  }
  const values = initialValues(items, response, response);
  let number = 0;
  return (
    <div className="stack">
      <Alert tone="info" title={t('rounds.answer.closedTitle')}>
        <p>{response.status === 'submitted' ? t('rounds.answer.closedSubmitted') : t('rounds.answer.closedDraft')}</p>
        <p>
          <Link to="/orgs/$orgId/rounds/$roundId/results" params={{ orgId, roundId: round.id }}>
            {t('rounds.actions.results')}
          </Link>
        </p>
      </Alert>
      <dl className="summary-list panel">
        <div>
          <dt>{t('rounds.answer.position')}</dt>
          <dd>{t(`positions.${values.position}`)}</dd>
        </div>
      </dl>
      {round.content.sections.map((section) => (
        <section key={section.key} className="sheet-section" aria-labelledby={`answered-section-${section.key}`}>
          <h2 id={`answered-section-${section.key}`} className="sheet-section__title" lang={lang}>
            {section.title}
          </h2>
          {section.items.map((item) => {
            number += 1;
            return (
              <AnsweredItem
                key={item.key}
                item={item}
                number={number}
                answer={values.answers[item.key] ?? { level: null, comment: '' }}
                isMostImportant={values.mostImportantItemKey === item.key}
                lang={lang}
              />
            );
          })}
        </section>
      ))}
    </div>
  );
}
