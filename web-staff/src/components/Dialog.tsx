import { type FormEvent, type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal KERN dialog on the native <dialog>: the browser keeps focus inside and closes it with Escape. Rendered
 * only while open; it takes focus on `initialFocus` (else its first field, else its submit button) and gives it back to the element that
 * had it before, so keyboard users continue where they were.
 */
export function Dialog(props: {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  submitLabel: string;
  onSubmit: () => void;
  onClose: () => void;
  busy?: boolean;
  /** What takes the focus: an element, the submit button (a quick confirm with Enter), else the first field. */
  initialFocus?: RefObject<HTMLElement | null> | 'submit';
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const { onClose, initialFocus } = props;

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    const submit = dialog?.querySelector<HTMLElement>('button[type="submit"]');
    const first =
      initialFocus === 'submit'
        ? submit
        : (initialFocus?.current ??
          dialog?.querySelector<HTMLElement>('.kern-dialog__body :is(input, select, textarea)') ??
          submit);
    first?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      // Back to where the user was, unless that control is gone (then the page decides).
      if (opener?.isConnected) opener.focus();
    };
  }, [initialFocus]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (props.busy) return;
    props.onSubmit();
  };

  return (
    <dialog
      ref={ref}
      className="kern-dialog bc-dialog"
      aria-labelledby={titleId}
      aria-describedby={props.description ? descriptionId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form noValidate onSubmit={submit}>
        <header className="kern-dialog__header">
          <h2 id={titleId} className="kern-title kern-title--large">
            {props.title}
          </h2>
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={onClose}>
            <span className="kern-icon kern-icon--close" aria-hidden="true" />
            <span className="kern-sr-only">{t('dialog.close')}</span>
          </button>
        </header>
        <div className="kern-dialog__body">
          {props.description && (
            <div id={descriptionId} className="kern-body">
              {props.description}
            </div>
          )}
          {props.children}
        </div>
        <footer className="kern-dialog__footer">
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onClose}>
            <span className="kern-label">{t('dialog.cancel')}</span>
          </button>
          <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={props.busy || undefined}>
            <span className="kern-label">{props.submitLabel}</span>
          </button>
        </footer>
      </form>
    </dialog>
  );
}
