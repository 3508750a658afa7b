import type { ReactNode } from 'react';

interface AlertProps {
  tone: 'error' | 'success' | 'info' | 'warning';
  title?: ReactNode;
  children: ReactNode;
  id?: string;
}

/** An inline message box. Errors interrupt (role=alert); the others wait their turn (role=status). */
export function Alert({ tone, title, children, id }: AlertProps) {
  return (
    <div id={id} className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <p className="alert__title">{title}</p>}
      <div className="alert__body">{children}</div>
    </div>
  );
}
