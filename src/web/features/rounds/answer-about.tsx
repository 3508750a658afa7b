import { useTranslation } from 'react-i18next';
import { positions } from '../../../shared/auth/roles.js';
import { SelectField } from '../../components/form-field.js';
import type { ResponseValues } from './answer-state.js';
import { indentDepartments } from './department-options.js';
import type { ResponseDefaults, RoundDetail } from './round-queries.js';

interface AnswerAboutProps {
  round: RoundDetail;
  values: ResponseValues;
  departments: ResponseDefaults['departments'];
  fieldErrors: Record<string, string>;
  onChange: (change: Partial<Pick<ResponseValues, 'position' | 'departmentId'>>) => void;
}

/** Who is answering: the position and department the response is counted under. */
export function AnswerAbout({ round, values, departments, fieldErrors, onChange }: AnswerAboutProps) {
  const { t } = useTranslation();
  const departmentOptions = indentDepartments(departments);
  return (
    <section className="panel answer-about" aria-labelledby="answer-about-title">
      <h2 id="answer-about-title" className="panel__title">
        {t('rounds.answer.aboutTitle')}
      </h2>
      <p className="muted">{round.anonymous ? t('rounds.answer.aboutAnonymous') : t('rounds.answer.aboutNamed')}</p>
      <div className="form-row">
        <SelectField
          label={t('rounds.answer.position')}
          name="position"
          required
          value={values.position}
          onChange={(event) => onChange({ position: event.target.value as ResponseValues['position'] })}
          error={fieldErrors.position}
        >
          {positions.map((position) => (
            <option key={position} value={position}>
              {t(`positions.${position}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('rounds.answer.department')}
          name="departmentId"
          value={values.departmentId ?? ''}
          onChange={(event) => onChange({ departmentId: event.target.value || null })}
          error={fieldErrors.departmentId}
        >
          <option value="">{t('rounds.answer.noDepartment')}</option>
          {departmentOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {`${'\u3000'.repeat(option.depth)}${option.name}`}
            </option>
          ))}
        </SelectField>
      </div>
    </section>
  );
}
