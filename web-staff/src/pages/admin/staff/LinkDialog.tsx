import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { formatDayTime } from '../../../lib/datetime';

export type ShownLink = { name: string; url: string; expiresAt: string; created: boolean };

/** Shows a password link once, with a copy button; it cannot be shown again (only its hash is stored). */
export function LinkDialog(props: { link: ShownLink; timeZone: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const { link } = props;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <Dialog
      title={t(link.created ? 'staff.linkTitleCreated' : 'staff.linkTitle', { name: link.name })}
      description={t('staff.linkIntro', {
        until: formatDayTime(link.expiresAt, props.timeZone, i18n.language),
      })}
      submitLabel={t('staff.linkDone')}
      onSubmit={props.onClose}
      onClose={props.onClose}
    >
      <div className="bc-stack">
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="staff-link">
            {t('staff.linkLabel')}
          </label>
          <input
            id="staff-link"
            className="kern-form-input__input"
            readOnly
            value={link.url}
            onFocus={(e) => e.target.select()}
          />
        </div>
        <div className="bc-actions">
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void copy()}>
            <span className="kern-label">{t('staff.copy')}</span>
          </button>
          <p className="kern-body" role="status">
            {copied === 'yes' ? t('staff.copied') : copied === 'no' ? t('staff.copyFailed') : ''}
          </p>
        </div>
      </div>
    </Dialog>
  );
}

/** A yes/no question before a change that ends sessions. */
export function ConfirmDialog(props: {
  title: string;
  text: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      title={props.title}
      description={props.text}
      submitLabel={props.submitLabel}
      busy={props.busy}
      onSubmit={props.onSubmit}
      onClose={props.onClose}
      initialFocus="submit"
    />
  );
}
