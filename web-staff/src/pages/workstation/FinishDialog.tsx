import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { catalogLang } from '../../components/TicketBits';
import type { QueueTicketFieldsFragment } from '../../gql/graphql';
import { range } from '../../lib/range';
import type { OfficeService } from '../../session/offices';

export type DoneService = { serviceId: string; count: number };

/**
 * Finishing a visit records what was actually done: each requested service with how many (0: not done), plus
 * services the clerk did in addition. Prefilled with "everything as asked", so F and Enter finish a plain visit.
 */
export function FinishDialog(props: {
  ticket: QueueTicketFieldsFragment;
  /** Services the counter handles (added ones are chosen from these). */
  counterServices: readonly { id: string; name: string }[];
  officeServices: readonly OfficeService[];
  busy: boolean;
  onFinish: (services: DoneService[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const asked = props.ticket.services.filter((s) => s.count > 0);
  const [counts, setCounts] = useState<Record<string, number>>(
    Object.fromEntries(asked.map((s) => [s.serviceId, s.count])),
  );
  const [added, setAdded] = useState<Record<string, boolean>>({});
  const extra = props.counterServices.filter((s) => !asked.some((a) => a.serviceId === s.id));
  const maxOf = (serviceId: string, at: number) =>
    Math.max(at, props.officeServices.find((s) => s.id === serviceId)?.maxPerBooking ?? at);

  const submit = () => {
    const unchanged = asked.every((s) => counts[s.serviceId] === s.count) && !Object.values(added).some(Boolean);
    // An empty list means "everything as asked" to the api.
    props.onFinish(
      unchanged
        ? []
        : [
            ...asked.map((s) => ({ serviceId: s.serviceId, count: counts[s.serviceId] ?? s.count })),
            ...extra.filter((s) => added[s.id]).map((s) => ({ serviceId: s.id, count: 1 })),
          ],
    );
  };

  return (
    <Dialog
      title={t('finish.title', { number: props.ticket.number })}
      description={t('finish.intro')}
      submitLabel={t('finish.submit')}
      busy={props.busy}
      initialFocus="submit"
      onSubmit={submit}
      onClose={props.onClose}
    >
      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t('finish.done')}</legend>
        <div className="kern-fieldset__body">
          {asked.map((s) => (
            <div key={s.serviceId} className="kern-form-input bc-count">
              <label className="kern-label" htmlFor={`finish-${s.serviceId}`} lang={catalogLang}>
                {s.name}
              </label>
              <div className="kern-form-input__select-wrapper">
                <select
                  id={`finish-${s.serviceId}`}
                  className="kern-form-input__select"
                  value={counts[s.serviceId] ?? s.count}
                  onChange={(e) => setCounts((c) => ({ ...c, [s.serviceId]: Number(e.target.value) }))}
                >
                  {range(0, maxOf(s.serviceId, s.count)).map((n) => (
                    <option key={n} value={n}>
                      {n === 0 ? t('finish.notDone') : t('finish.doneCount', { count: n })}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      {extra.length > 0 && (
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('finish.extra')}</legend>
          <div className="kern-fieldset__body">
            {extra.map((s) => (
              <div key={s.id} className="kern-form-check">
                <input
                  type="checkbox"
                  id={`finish-extra-${s.id}`}
                  className="kern-form-check__checkbox"
                  checked={!!added[s.id]}
                  onChange={(e) => setAdded((a) => ({ ...a, [s.id]: e.target.checked }))}
                />
                <label className="kern-label" htmlFor={`finish-extra-${s.id}`} lang={catalogLang}>
                  {s.name}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
    </Dialog>
  );
}
