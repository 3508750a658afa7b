import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom; rendered inside the dialog so they stay in its focus order. */
  footer?: ReactNode;
  size?: 'sm' | 'md';
}

/**
 * A modal built on <dialog>: the browser traps focus, closes on Escape and returns focus to
 * the element that opened it (also when the dialog unmounts), which hand-made modals often get wrong.
 */
export function Dialog({ open, title, onClose, children, footer, size = 'md' }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    const opener = document.activeElement;
    dialog.showModal();
    // Start where the work is: the first field, or for a confirmation the safe (first) button.
    const start = dialog.querySelector<HTMLElement>(
      '.dialog__body input, .dialog__body select, .dialog__body textarea, .dialog__footer button',
    );
    start?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // The opener may be gone (a deleted row); the main region is the next best place.
      const target = opener instanceof HTMLElement && opener.isConnected ? opener : document.getElementById('main');
      target?.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <div className="dialog__frame">
          <div className="dialog__header">
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
            <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
          <div className="dialog__body">{children}</div>
          {footer && <div className="dialog__footer">{footer}</div>}
        </div>
      )}
    </dialog>
  );
}
