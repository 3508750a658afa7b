import { useRef, useState } from 'react';
import { type FieldErrors, focusFirstInvalid } from './validation.js';

/**
 * The error state every form keeps: the messages per field, and the form to move focus in.
 * `showErrors` displays a set of errors (the browser's own checks or the server's) and moves focus
 * to the first field that needs attention; it answers true when there were none, so a submit
 * handler can read `if (!showErrors(found)) return;`.
 */
export function useFieldErrors() {
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const showErrors = (found: FieldErrors): boolean => {
    setErrors(found);
    const clean = Object.keys(found).length === 0;
    if (!clean) focusFirstInvalid(form.current);
    return clean;
  };
  return { form, errors, setErrors, showErrors };
}
