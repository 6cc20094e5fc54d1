import { useApolloClient, useQuery } from '@apollo/client/react';
import { QueryState } from '@bc/schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusRegion, useNotice } from '../../components/StatusRegion';
import { catalogLang } from '../../components/TicketBits';
import type { QueueTicketFieldsFragment, WorkstationCountersQuery } from '../../gql/graphql';
import { formatTime } from '../../lib/datetime';
import { useQueueLive } from '../../lib/live';
import { failureNotice, type Notice, refusalNotice } from '../../queue/outcome-text';
import { ReactivateTicketMutation } from '../../queue/ticket-mutations';
import { type TicketOutcome, useTicketRunner } from '../../queue/use-ticket-runner';
import { type StaffOffice, useOfficeServices } from '../../session/offices';
import { ACTIONS, type Action } from './actions';
import { CurrentTicket } from './CurrentTicket';
import { type DoneService, FinishDialog } from './FinishDialog';
import { ParkedTickets, WaitingQueue } from './QueueTables';
import { ShortcutHelp } from './ShortcutHelp';
import { TransferDialog } from './TransferDialog';
import { useShortcuts } from './use-shortcuts';
import {
  CallNextMutation,
  CallTicketMutation,
  CloseCounterMutation,
  FinishMutation,
  NoShowMutation,
  ParkMutation,
  PauseCounterMutation,
  RecallMutation,
  ResumeCounterMutation,
  StartServingMutation,
  TransferMutation,
  UndoMutation,
  WorkstationQuery,
} from './workstation-documents';

/** Read again on every change of the office's queue. */
const LIVE_QUERIES = [WorkstationQuery];

type Counter = WorkstationCountersQuery['queueCounters'][number];
type Ticket = QueueTicketFieldsFragment;
type TicketRef = { id: string; number: string; version: number };

/**
 * The clerk's counter at work: the counter's state (pause, close), the visitor at the counter with the big action
 * buttons and their shortcuts, the counter's queue and the parked tickets. Buttons that do not apply right now stay
 * in place (aria-disabled) so the focus never jumps; pressing one says why it does nothing.
 */
export function CounterDesk(props: {
  office: StaffOffice;
  counterId: string;
  counters: readonly Counter[];
  focusOnMount: boolean;
  onLeft: (how: 'closed' | 'lost', by?: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const { office, counterId } = props;
  const poll = useQueueLive(office.id, LIVE_QUERIES);
  const { data, previousData, error, loading, refetch } = useQuery(WorkstationQuery, {
    variables: { counterId },
    pollInterval: poll,
    notifyOnNetworkStatusChange: false,
  });
  const { services: officeServices } = useOfficeServices(office.id);
  const { notice, show } = useNotice();
  const refresh = useCallback(() => refetch(), [refetch]);
  const { busy, run } = useTicketRunner(show, refresh);
  const [dialog, setDialog] = useState<'finish' | 'transfer' | null>(null);
  const [last, setLast] = useState<TicketRef | null>(null);
  const [counterBusy, setCounterBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const leaving = useRef(false);
  const time = (iso: string) => formatTime(iso, office.timeZone, i18n.language);

  const w = (data ?? previousData)?.workstation;
  const session = w?.counter.session;
  const current = w?.counter.current ?? null;
  const paused = !!session?.pausedAt;
  const target: TicketRef | null = current ?? last;

  const { focusOnMount, onLeft } = props;
  // Opened just now by the clerk: the focus goes to the counter's heading as soon as it is there (once).
  const loaded = !!w;
  const focused = useRef(false);
  useEffect(() => {
    if (!focusOnMount || !loaded || focused.current) return;
    focused.current = true;
    heading.current?.focus();
  }, [focusOnMount, loaded]);

  // A colleague took the counter over (or the session ended elsewhere): back to the choice, saying so.
  const lost = !!w && !session?.mine;
  useEffect(() => {
    if (lost && !leaving.current) {
      leaving.current = true;
      onLeft('lost', session?.staffName);
    }
  }, [lost, session?.staffName, onLeft]);

  /** The ticket the next undo applies to: the one at the counter, else the last one acted on (not after finishing). */
  const remember = (o: TicketOutcome | undefined) => {
    if (o?.__typename === 'QueueTicket')
      setLast(o.status === 'DONE' ? null : { id: o.id, number: o.number, version: o.version });
    else if (o?.__typename === 'StaleTicket')
      setLast({ id: o.ticket.id, number: o.ticket.number, version: o.ticket.version });
  };

  const ticketVars = (tk: TicketRef) => ({ ticketId: tk.id, version: tk.version });
  const say =
    (key: string, extra: Record<string, unknown> = {}) =>
    (tk: Ticket) =>
      ({ tone: 'success', text: t(key, { number: tk.number, ...extra }) }) satisfies Notice;

  const perform: Record<Exclude<Action, 'finish' | 'transfer'>, () => Promise<TicketOutcome | undefined>> = {
    callNext: () =>
      run(
        () =>
          client.mutate({ mutation: CallNextMutation, variables: { counterId } }).then((r) => r.data?.callNextTicket),
        say('ws.called'),
      ),
    recall: () =>
      run(
        () =>
          client
            .mutate({ mutation: RecallMutation, variables: ticketVars(current as Ticket) })
            .then((r) => r.data?.recallTicket),
        (tk) =>
          tk.status === 'NO_SHOW'
            ? { tone: 'info', text: t('ws.recallNoShow', { number: tk.number, count: tk.callCount }) }
            : { tone: 'success', text: t('ws.recalled', { number: tk.number, count: tk.callCount }) },
      ),
    start: () =>
      run(
        () =>
          client
            .mutate({ mutation: StartServingMutation, variables: ticketVars(current as Ticket) })
            .then((r) => r.data?.startServing),
        say('ws.started'),
      ),
    noShow: () =>
      run(
        () =>
          client
            .mutate({ mutation: NoShowMutation, variables: ticketVars(current as Ticket) })
            .then((r) => r.data?.markNoShow),
        say('ws.noShow'),
      ),
    park: () =>
      run(
        () =>
          client
            .mutate({ mutation: ParkMutation, variables: ticketVars(current as Ticket) })
            .then((r) => r.data?.parkTicket),
        say('ws.parked'),
      ),
    undo: () =>
      run(
        () =>
          client
            .mutate({ mutation: UndoMutation, variables: ticketVars(target as TicketRef) })
            .then((r) => r.data?.undoTicketAction),
        (tk) => ({ tone: 'success', text: t('ws.undone', { number: tk.number, status: t(`status.${tk.status}`) }) }),
      ),
  };

  const finish = async (services: DoneService[]) => {
    if (!current) return setDialog(null);
    const o = await run(
      () =>
        client
          .mutate({ mutation: FinishMutation, variables: { ...ticketVars(current), services } })
          .then((r) => r.data?.finishTicket),
      say('ws.finished'),
    );
    remember(o);
    if (o?.__typename !== 'InvalidInput') setDialog(null);
  };

  const transfer = async (services: { serviceId: string; count: number }[], toCounter: string | null) => {
    if (!current) return setDialog(null);
    const label = props.counters.find((c) => c.id === toCounter)?.label;
    const o = await run(
      () =>
        client
          .mutate({ mutation: TransferMutation, variables: { ...ticketVars(current), services, counterId: toCounter } })
          .then((r) => r.data?.transferTicket),
      (tk) => ({
        tone: 'success',
        text: label
          ? t('ws.transferredTo', { number: tk.number, counter: label })
          : t('ws.transferred', { number: tk.number }),
      }),
    );
    remember(o);
    if (o?.__typename !== 'InvalidInput') setDialog(null);
  };

  const callOne = async (tk: Ticket) => {
    if (current || paused) return show(notNow('callNext'));
    remember(
      await run(
        () =>
          client
            .mutate({ mutation: CallTicketMutation, variables: { counterId, ticketId: tk.id, version: tk.version } })
            .then((r) => r.data?.callTicket),
        say('ws.called'),
      ),
    );
  };

  const reactivate = async (tk: Ticket) =>
    remember(
      await run(
        () =>
          client
            .mutate({ mutation: ReactivateTicketMutation, variables: ticketVars(tk) })
            .then((r) => r.data?.reactivateTicket),
        say('ws.reactivated'),
      ),
    );

  const can: Record<Action, boolean> = {
    callNext: !current && !paused,
    recall: current?.status === 'CALLED',
    start: current?.status === 'CALLED',
    finish: current?.status === 'CALLED' || current?.status === 'SERVING',
    noShow: current?.status === 'CALLED',
    park: current?.status === 'CALLED' || current?.status === 'SERVING',
    transfer: current?.status === 'CALLED' || current?.status === 'SERVING',
    undo: !!target,
  };

  function notNow(a: Action): Notice {
    if (a === 'callNext')
      return paused
        ? { tone: 'info', text: t('outcome.counterPaused') }
        : { tone: 'info', text: t('outcome.counterBusy', { number: current?.number ?? '' }) };
    if (a === 'undo') return { tone: 'info', text: t('ws.nothingToUndo') };
    if (!current) return { tone: 'info', text: t('ws.noCurrent') };
    return {
      tone: 'info',
      text: t('outcome.notAllowed', { action: t(`ws.action.${a}`), status: t(`status.${current.status}`) }),
    };
  }

  const trigger = (a: Action) => {
    if (busy || !w) return;
    if (!can[a]) return show(notNow(a));
    if (a === 'finish' || a === 'transfer') return setDialog(a);
    void perform[a]().then(remember);
  };

  useShortcuts({
    n: () => trigger('callNext'),
    r: () => trigger('recall'),
    s: () => trigger('start'),
    f: () => trigger('finish'),
    u: () => trigger('undo'),
  });

  const counterAction = async (kind: 'pause' | 'resume' | 'close') => {
    if (counterBusy) return;
    setCounterBusy(true);
    try {
      const variables = { counterId };
      const r =
        kind === 'pause'
          ? (await client.mutate({ mutation: PauseCounterMutation, variables })).data?.pauseCounter
          : kind === 'resume'
            ? (await client.mutate({ mutation: ResumeCounterMutation, variables })).data?.resumeCounter
            : (await client.mutate({ mutation: CloseCounterMutation, variables })).data?.closeCounter;
      if (!r) show(failureNotice(t));
      else if (r.__typename !== 'QueueCounter') show(refusalNotice(t, r));
      else if (kind === 'close') {
        leaving.current = true;
        onLeft('closed');
        return;
      } else show({ tone: 'success', text: t(kind === 'pause' ? 'ws.pausedNow' : 'ws.resumed') });
    } catch (err) {
      show(failureNotice(t, err));
    } finally {
      setCounterBusy(false);
    }
    await refetch().catch(() => undefined);
  };

  if (!w) return <QueryState loading={loading} error={error} onRetry={() => void refetch()} />;
  const counter = w.counter;

  return (
    <div className="bc-stack-lg">
      <section className="bc-stack-sm" aria-labelledby="counter-heading">
        <h2 id="counter-heading" ref={heading} tabIndex={-1} className="kern-heading-medium">
          {t('counter.name', { label: counter.label })}{' '}
          <span className={`kern-badge kern-badge--${paused ? 'warning' : 'success'}`}>
            <span className="kern-label">{t(paused ? 'ws.statePaused' : 'ws.stateOpen')}</span>
          </span>
        </h2>
        <p className="kern-body">
          {session && t('ws.openSince', { time: time(session.openedAt) })}
          {paused && session?.pausedAt && <> · {t('ws.pausedSince', { time: time(session.pausedAt) })}</>} ·{' '}
          {t('ws.openCounters', { count: w.openCounters })}
        </p>
        <p className="kern-body kern-body--small">
          {t('ws.handles')} <span lang={catalogLang}>{counter.services.map((s) => s.name).join(', ')}</span>
        </p>
        <div className="bc-actions">
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            aria-disabled={counterBusy || undefined}
            onClick={() => void counterAction(paused ? 'resume' : 'pause')}
          >
            <span className="kern-label">{t(paused ? 'ws.resume' : 'ws.pause')}</span>
          </button>
          <button
            type="button"
            className="kern-btn kern-btn--tertiary"
            aria-disabled={counterBusy || undefined}
            onClick={() => void counterAction('close')}
          >
            <span className="kern-label">{t('ws.close')}</span>
          </button>
        </div>
      </section>

      {paused && (
        <div className="kern-alert kern-alert--info">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--info" aria-hidden="true" />
            <p className="kern-title">{t('ws.pausedHint')}</p>
          </div>
        </div>
      )}

      <div className="bc-workstation">
        <CurrentTicket ticket={current} timeZone={office.timeZone} />
        <section className="bc-stack" aria-labelledby="actions-heading">
          <h2 id="actions-heading" className="kern-heading-medium">
            {t('ws.actionsTitle')}
          </h2>
          <div className="bc-action-grid">
            {ACTIONS.map(({ action, key }) => (
              <button
                key={action}
                type="button"
                className={`kern-btn ${action === 'callNext' ? 'kern-btn--primary' : 'kern-btn--secondary'} bc-action`}
                aria-disabled={!can[action] || busy || undefined}
                aria-keyshortcuts={key}
                onClick={() => trigger(action)}
              >
                <span className="kern-label">{t(`ws.action.${action}`)}</span>
                {key && (
                  <span className="bc-kbd" aria-hidden="true">
                    {key}
                  </span>
                )}
              </button>
            ))}
          </div>
          <StatusRegion notice={notice} className="bc-ws-status" />
        </section>
      </div>

      <WaitingQueue
        tickets={w.waiting}
        timeZone={office.timeZone}
        canCall={!current && !paused && !busy}
        onCall={(tk) => void callOne(tk)}
      />
      <ParkedTickets
        tickets={w.parked}
        timeZone={office.timeZone}
        busy={busy}
        onReactivate={(tk) => void reactivate(tk)}
      />
      <ShortcutHelp />

      {dialog === 'finish' && current && (
        <FinishDialog
          ticket={current}
          counterServices={counter.services}
          officeServices={officeServices}
          busy={busy}
          onFinish={(s) => void finish(s)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'transfer' && current && (
        <TransferDialog
          ticket={current}
          officeServices={officeServices}
          counters={props.counters}
          currentCounterId={counterId}
          busy={busy}
          onTransfer={(s, c) => void transfer(s, c)}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
