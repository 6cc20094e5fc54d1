import { describedBy, FieldError } from '@bc/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { catalogLang } from '../../components/TicketBits';
import type { QueueTicketFieldsFragment } from '../../gql/graphql';
import type { OfficeService } from '../../session/offices';

type CounterOption = { id: string; label: string; services: readonly { id: string }[] };

/**
 * Sends the visitor back into the queue with the same number and place: for other services (any counter that
 * handles them calls the ticket), for one counter, or both.
 */
export function TransferDialog(props: {
  ticket: QueueTicketFieldsFragment;
  officeServices: readonly OfficeService[];
  counters: readonly CounterOption[];
  currentCounterId: string;
  busy: boolean;
  onTransfer: (services: { serviceId: string; count: number }[], counterId: string | null) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const asked = props.ticket.services.filter((s) => s.count > 0);
  const [chosen, setChosen] = useState<Record<string, boolean>>(
    Object.fromEntries(asked.map((s) => [s.serviceId, true])),
  );
  const [counterId, setCounterId] = useState('');
  const [problem, setProblem] = useState<'none' | 'unchanged' | null>(null);

  const submit = () => {
    const ids = Object.keys(chosen).filter((id) => chosen[id]);
    const same = ids.length === asked.length && asked.every((s) => chosen[s.serviceId]);
    if (ids.length === 0) return setProblem('none');
    if (same && counterId === '') return setProblem('unchanged');
    setProblem(null);
    props.onTransfer(
      same ? [] : ids.map((id) => ({ serviceId: id, count: asked.find((s) => s.serviceId === id)?.count ?? 1 })),
      counterId || null,
    );
  };

  const errorText = problem === 'none' ? t('transfer.noService') : problem ? t('transfer.unchanged') : null;
  return (
    <Dialog
      title={t('transfer.title', { number: props.ticket.number })}
      description={t('transfer.intro')}
      submitLabel={t('transfer.submit')}
      busy={props.busy}
      onSubmit={submit}
      onClose={props.onClose}
    >
      {errorText && <FieldError id="transfer-error" text={errorText} />}
      <fieldset
        className={`kern-fieldset${problem ? ' kern-fieldset--error' : ''}`}
        aria-describedby={describedBy(problem && 'transfer-error')}
      >
        <legend className="kern-label">{t('transfer.services')}</legend>
        <div className="kern-fieldset__body bc-transfer-services">
          {props.officeServices.map((s) => (
            <div key={s.id} className="kern-form-check">
              <input
                type="checkbox"
                id={`transfer-${s.id}`}
                className="kern-form-check__checkbox"
                checked={!!chosen[s.id]}
                onChange={(e) => setChosen((c) => ({ ...c, [s.id]: e.target.checked }))}
              />
              <label className="kern-label" htmlFor={`transfer-${s.id}`} lang={catalogLang}>
                {s.name}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor="transfer-counter">
          {t('transfer.counter')}
        </label>
        <p className="kern-hint" id="transfer-counter-hint">
          {t('transfer.counterHint')}
        </p>
        <div className="kern-form-input__select-wrapper">
          <select
            id="transfer-counter"
            className="kern-form-input__select"
            aria-describedby={describedBy('transfer-counter-hint', problem === 'unchanged' && 'transfer-error')}
            value={counterId}
            onChange={(e) => setCounterId(e.target.value)}
          >
            <option value="">{t('transfer.anyCounter')}</option>
            {props.counters
              .filter((c) => c.id !== props.currentCounterId)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {t('counter.name', { label: c.label })}
                </option>
              ))}
          </select>
        </div>
      </div>
    </Dialog>
  );
}
