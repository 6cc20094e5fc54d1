import { useApolloClient } from '@apollo/client/react';
import { type RefObject, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { TableScroll } from '../../components/TableScroll';
import { catalogLang } from '../../components/TicketBits';
import type { WorkstationCountersQuery } from '../../gql/graphql';
import { formatTime } from '../../lib/datetime';
import { failureNotice, type Notice, refusalNotice } from '../../queue/outcome-text';
import { OpenCounterMutation } from './workstation-documents';

type Counter = WorkstationCountersQuery['queueCounters'][number];
type TakeOver = { counter: Counter; openedBy: string; openedAt: string };

/**
 * The counters of the office with who has which open; a free one opens at once, a colleague's only after a
 * confirmation (they may have forgotten to close it, or still be there).
 */
export function CounterChoice(props: {
  counters: readonly Counter[];
  timeZone: string;
  show: (n: Notice) => void;
  onOpened: () => Promise<unknown>;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const [takeOver, setTakeOver] = useState<TakeOver | null>(null);
  const busy = useRef(false);
  const [pending, setPending] = useState(false);
  const time = (iso: string) => formatTime(iso, props.timeZone, i18n.language);

  const open = async (counter: Counter, force: boolean) => {
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    try {
      const { data } = await client.mutate({
        mutation: OpenCounterMutation,
        variables: { counterId: counter.id, takeOver: force },
      });
      const r = data?.openCounter;
      if (!r) props.show(failureNotice(t));
      else if (r.__typename === 'QueueCounter') {
        setTakeOver(null);
        props.show({ tone: 'success', text: t('counter.opened', { label: r.label }) });
        await props.onOpened();
      } else if (r.__typename === 'CounterTaken') {
        setTakeOver({ counter, openedBy: r.openedBy, openedAt: r.openedAt });
      } else props.show(refusalNotice(t, r));
    } catch (err) {
      props.show(failureNotice(t, err));
    } finally {
      busy.current = false;
      setPending(false);
    }
  };

  return (
    <section className="bc-stack" aria-labelledby="counter-choice-heading">
      <h2 id="counter-choice-heading" ref={props.headingRef} tabIndex={-1} className="kern-heading-medium">
        {t('counter.chooseTitle')}
      </h2>
      <p className="kern-body">{t('counter.chooseIntro')}</p>
      {props.counters.length === 0 ? (
        <p className="kern-body">{t('counter.none')}</p>
      ) : (
        <TableScroll labelledBy="counter-choice-heading">
          <table className="kern-table kern-table--small" aria-labelledby="counter-choice-heading">
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('counter.label')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('counter.services')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('counter.openedBy')}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  {t('counter.waiting')}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--action">
                  {t('tickets.actions')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {props.counters.map((c) => (
                <tr key={c.id} className="kern-table__row">
                  <th scope="row" className="kern-table__header">
                    {t('counter.name', { label: c.label })}
                  </th>
                  <td className="kern-table__cell" lang={catalogLang}>
                    {c.services.map((s) => s.name).join(', ')}
                  </td>
                  <td className="kern-table__cell">
                    {c.session
                      ? t(c.session.pausedAt ? 'counter.heldPaused' : 'counter.held', {
                          name: c.session.staffName,
                          time: time(c.session.openedAt),
                        })
                      : t('counter.free')}
                  </td>
                  <td className="kern-table__cell kern-table__cell--numeric">{c.waitingCount}</td>
                  <td className="kern-table__cell kern-table__cell--action">
                    {c.session ? (
                      <button
                        type="button"
                        className="kern-btn kern-btn--secondary kern-btn--x-small"
                        onClick={() =>
                          setTakeOver({
                            counter: c,
                            openedBy: c.session?.staffName ?? '',
                            openedAt: c.session?.openedAt ?? '',
                          })
                        }
                      >
                        <span className="kern-label">{t('counter.takeOver', { label: c.label })}</span>
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="kern-btn kern-btn--primary kern-btn--x-small"
                        aria-disabled={pending || undefined}
                        onClick={() => void open(c, false)}
                      >
                        <span className="kern-label">{t('counter.open', { label: c.label })}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {takeOver && (
        <Dialog
          title={t('counter.takeOverTitle', { label: takeOver.counter.label })}
          description={t('counter.takeOverText', {
            name: takeOver.openedBy,
            time: takeOver.openedAt ? time(takeOver.openedAt) : '–',
          })}
          submitLabel={t('counter.takeOverConfirm')}
          busy={pending}
          initialFocus="submit"
          onSubmit={() => void open(takeOver.counter, true)}
          onClose={() => setTakeOver(null)}
        />
      )}
    </section>
  );
}
