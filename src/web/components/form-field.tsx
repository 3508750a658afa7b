import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { useTranslation } from 'react-i18next';

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  className?: string | undefined;
  children: ReactNode;
}

export function fieldDescribedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Label, hint and error around one control, wired with for/id and aria-describedby. */
export function FieldFrame({ id, label, hint, error, required, className, children }: FieldFrameProps) {
  const { t } = useTranslation();
  return (
    <div className={['field', error ? 'field--error' : '', className ?? ''].filter(Boolean).join(' ')}>
      {/* The badge sits outside the label so the field's name is just its label; screen readers
          hear "required" from the control itself. */}
      <div className="field__label-row">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        {required && (
          <span className="field__required" aria-hidden="true">
            {t('common.required')}
          </span>
        )}
      </div>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

type Common = { label: ReactNode; hint?: ReactNode; error?: string | undefined; fieldClassName?: string };

export function TextField({
  label,
  hint,
  error,
  fieldClassName,
  id,
  required,
  ...rest
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const autoId = useId();
  const inputId = id ?? autoId;
  return (
    <FieldFrame id={inputId} label={label} hint={hint} error={error} required={required} className={fieldClassName}>
      <input
        id={inputId}
        className="input"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(inputId, hint, error)}
        {...rest}
      />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  hint,
  error,
  fieldClassName,
  id,
  required,
  children,
  ...rest
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const autoId = useId();
  const selectId = id ?? autoId;
  return (
    <FieldFrame id={selectId} label={label} hint={hint} error={error} required={required} className={fieldClassName}>
      <select
        id={selectId}
        className="select"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(selectId, hint, error)}
        {...rest}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  fieldClassName,
  id,
  required,
  ...rest
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const autoId = useId();
  const areaId = id ?? autoId;
  return (
    <FieldFrame id={areaId} label={label} hint={hint} error={error} required={required} className={fieldClassName}>
      <textarea
        id={areaId}
        className="textarea"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(areaId, hint, error)}
        {...rest}
      />
    </FieldFrame>
  );
}
