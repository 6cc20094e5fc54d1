import { describedBy, FieldError } from '@bc/schema';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import type { QueueTicketFieldsFragment, TicketPriority } from '../../gql/graphql';

type Choice = 'NONE' | TicketPriority;

/** Gives a waiting ticket priority (biometrics captured, or a staff decision with a note), or takes it away. */
export function PriorityDialog(props: {
  ticket: QueueTicketFieldsFragment;
  busy: boolean;
  onSave: (priority: TicketPriority | null, note: string | null) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<Choice>(props.ticket.priority ?? 'NONE');
  const [note, setNote] = useState(props.ticket.priorityNote ?? '');
  const [missing, setMissing] = useState(false);
  const noteInput = useRef<HTMLInputElement>(null);
  const checked = useRef<HTMLInputElement>(null);

  const save = () => {
    if (choice === 'STAFF' && note.trim() === '') {
      setMissing(true);
      noteInput.current?.focus();
      return;
    }
    props.onSave(choice === 'NONE' ? null : choice, choice === 'STAFF' ? note.trim() : null);
  };

  return (
    <Dialog
      title={t('priorityForm.title', { number: props.ticket.number })}
      description={t('priorityForm.intro')}
      submitLabel={t('priorityForm.save')}
      busy={props.busy}
      onSubmit={save}
      onClose={props.onClose}
      initialFocus={checked}
    >
      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t('walkIn.priority')}</legend>
        <div className="kern-fieldset__body">
          {(['NONE', 'BIOMETRICS', 'STAFF'] as const).map((p) => (
            <div key={p} className="kern-form-check">
              <input
                ref={choice === p ? checked : undefined}
                type="radio"
                id={`priority-${p}`}
                name="priority"
                className="kern-form-check__radio"
                checked={choice === p}
                onChange={() => {
                  setChoice(p);
                  setMissing(false);
                }}
              />
              <label className="kern-label" htmlFor={`priority-${p}`}>
                {t(`walkIn.priorityOption.${p}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {choice === 'STAFF' && (
        <div className={`kern-form-input${missing ? ' kern-form-input--error' : ''}`}>
          <label className="kern-label" htmlFor="priority-note">
            {t('priorityForm.note')}
          </label>
          <p className="kern-hint" id="priority-note-hint">
            {t('priorityForm.noteHint')}
          </p>
          <input
            ref={noteInput}
            id="priority-note"
            type="text"
            maxLength={200}
            autoComplete="off"
            className={`kern-form-input__input${missing ? ' kern-form-input__input--error' : ''}`}
            aria-invalid={missing || undefined}
            aria-describedby={describedBy('priority-note-hint', missing && 'priority-note-error')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {missing && <FieldError id="priority-note-error" text={t('priorityForm.noteMissing')} />}
        </div>
      )}
    </Dialog>
  );
}
