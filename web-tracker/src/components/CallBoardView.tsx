import { useTranslation } from 'react-i18next';

type Call = { key: string; number: string; counterLabel: string; active: boolean };
type ServiceWait = { serviceId: string; name: string; waiting: number; expectedWaitMinutes?: number | null };

/**
 * The calls (newest active one large, the others listed) and the waiting per service, read from across the room.
 * Service names come from the catalog, which is German only.
 */
export function CallBoardView(props: { calls?: readonly Call[]; services?: readonly ServiceWait[] }) {
  const { t } = useTranslation();
  const calls = props.calls ?? [];
  const current = calls.find((c) => c.active);
  const others = calls.filter((c) => c !== current);
  return (
    <div className="tr-board">
      <section className="tr-board__calls" aria-labelledby="display-calls">
        <h2 id="display-calls" className="tr-display__calls-title">
          {t('display.calls.title')}
        </h2>
        {calls.length === 0 && <p className="tr-display__muted">{t('display.calls.empty')}</p>}
        {current && (
          <p key={current.key} className="tr-call tr-call--current" data-testid="current-call">
            <span className="tr-call__number">{current.number}</span>
            <span className="tr-call__arrow" aria-hidden="true">
              →
            </span>
            <span className="tr-call__counter">{t('display.calls.counter', { counter: current.counterLabel })}</span>
          </p>
        )}
        {others.length > 0 && (
          <table className="tr-calls">
            <caption className="kern-sr-only">{t('display.calls.earlier')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('display.calls.number')}</th>
                <th scope="col">{t('display.calls.counterColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {others.map((c) => (
                <tr key={c.key} className={c.active ? 'tr-calls__row tr-calls__row--active' : 'tr-calls__row'}>
                  <th scope="row">{c.number}</th>
                  <td>{c.counterLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {props.services && props.services.length > 0 && (
        <section className="tr-board__waits" aria-labelledby="display-waits">
          <h2 id="display-waits" className="tr-display__calls-title">
            {t('display.waits.title')}
          </h2>
          <table className="tr-waits">
            <thead>
              <tr>
                <th scope="col">{t('display.waits.service')}</th>
                <th scope="col">{t('display.waits.waiting')}</th>
                <th scope="col">{t('display.waits.wait')}</th>
              </tr>
            </thead>
            <tbody>
              {props.services.map((s) => (
                <tr key={s.serviceId}>
                  <th scope="row" lang="de">
                    {s.name}
                  </th>
                  <td>{s.waiting}</td>
                  <td>
                    {s.expectedWaitMinutes == null
                      ? t('display.waits.unknown')
                      : t('display.waits.minutes', { count: s.expectedWaitMinutes })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
