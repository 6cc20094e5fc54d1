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
import { CurrentDocuments, CurrentTicket } from './CurrentTicket';
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

/** The next sensible action in each state: call, then start, then finish. */
function primaryOf(current: { status: string } | null): Action {
  if (current?.status === 'SERVING') return 'finish';
  if (current?.status === 'CALLED') return 'start';
  return 'callNext';
}

/**
 * The clerk's counter at work, laid out for a desk monitor (1366×768 and up: nothing to scroll for the daily work):
 * a compact bar with the counter's state (pause, close); beside each other the visitor at the counter with the next
 * sensible action as the one primary button, the result message right beneath it and the other actions, and the
 * counter's queue with the parked tickets. Actions that do not apply right now stay as buttons (aria-disabled);
 * pressing one says why it does nothing. After each action the focus goes to the next one (after a call: start;
 * after finishing: call next); a dialog closed without action gives it back to the button that opened it.
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
  /** The primary button is one element whose action changes, so the focus stays on it while the state moves on. */
  const primaryButton = useRef<HTMLButtonElement>(null);
  const otherButtons = useRef<Partial<Record<Action, HTMLButtonElement | null>>>({});
  /** Where the focus goes once the page shows an action's result (and a closed dialog has let go of it). */
  const [focusWish, setFocusWish] = useState<{ to: Action | 'primary'; n: number } | null>(null);
  const focusAfter = useCallback((to: Action | 'primary') => setFocusWish({ to, n: Date.now() + Math.random() }), []);
  const leaving = useRef(false);
  const time = (iso: string) => formatTime(iso, office.timeZone, i18n.language);

  const w = (data ?? previousData)?.workstation;
  const session = w?.counter.session;
  // Only a called or served ticket is at the counter: the cache may still point at one just finished, parked or
  // marked no-show (the action's answer lands before the re-read of the counter), and "call next" must not wait.
  const atCounter = w?.counter.current ?? null;
  const current = atCounter?.status === 'CALLED' || atCounter?.status === 'SERVING' ? atCounter : null;
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
    if (o?.__typename !== 'InvalidInput') {
      setDialog(null);
      focusAfter('primary');
    }
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
    if (o?.__typename !== 'InvalidInput') {
      setDialog(null);
      focusAfter('primary');
    }
  };

  /** A dialog closed without acting: the focus goes back to the button that opened it (also when a key did). */
  const closeDialog = (which: 'finish' | 'transfer') => {
    setDialog(null);
    focusAfter(which);
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
    focusAfter('primary');
  };

  const reactivate = async (tk: Ticket) => {
    remember(
      await run(
        () =>
          client
            .mutate({ mutation: ReactivateTicketMutation, variables: ticketVars(tk) })
            .then((r) => r.data?.reactivateTicket),
        say('ws.reactivated'),
      ),
    );
    focusAfter('primary'); // its button in the parked list is gone
  };

  const primary = primaryOf(current);
  useEffect(() => {
    if (!focusWish) return;
    const to = focusWish.to;
    const button = to === 'primary' || to === primary ? primaryButton.current : otherButtons.current[to];
    button?.focus();
  }, [focusWish, primary]);

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
    void perform[a]().then((o) => {
      remember(o);
      // The next sensible action: after a call the start, after a no-show or parking the next call.
      if (a !== 'recall') focusAfter('primary');
    });
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

  const others = ACTIONS.filter((a) => a.action !== primary).sort(
    (a, b) => Number(can[b.action]) - Number(can[a.action]),
  );
  const primaryKey = ACTIONS.find((a) => a.action === primary)?.key;
  const blockedReason = current
    ? t('queue.callBlockedBusy', { number: current.number })
    : paused
      ? t('queue.callBlockedPaused')
      : null;

  return (
    <div className="bc-ws">
      <section className="bc-ws-bar" aria-labelledby="counter-heading">
        <div className="bc-stack-sm">
          <h2 id="counter-heading" ref={heading} tabIndex={-1} className="kern-heading-small">
            {t('counter.name', { label: counter.label })}{' '}
            <span className={`kern-badge kern-badge--${paused ? 'warning' : 'success'}`}>
              <span className="kern-label">{t(paused ? 'ws.statePaused' : 'ws.stateOpen')}</span>
            </span>
          </h2>
          <p className="kern-body kern-body--small">
            {session && t('ws.openSince', { time: time(session.openedAt) })}
            {paused && session?.pausedAt && <> · {t('ws.pausedSince', { time: time(session.pausedAt) })}</>} ·{' '}
            {t('ws.openCounters', { count: w.openCounters })}
          </p>
        </div>
        {/* The counter's services are looked up now and then: folded, they keep the bar to one line. */}
        <details className="bc-ws-services kern-body kern-body--small">
          <summary>{t('ws.handlesCount', { count: counter.services.length })}</summary>
          <span lang={catalogLang}>{counter.services.map((s) => s.name).join(', ')}</span>
        </details>
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

      <div className="bc-ws-main">
        <div className="bc-ws-side">
          <CurrentTicket ticket={current} timeZone={office.timeZone} />
          <section className="bc-stack-sm" aria-labelledby="actions-heading">
            <h2 id="actions-heading" className="kern-sr-only">
              {t('ws.actionsTitle')}
            </h2>
            <button
              ref={primaryButton}
              type="button"
              data-action={primary}
              className="kern-btn kern-btn--primary bc-action bc-action--primary"
              aria-disabled={!can[primary] || busy || undefined}
              aria-keyshortcuts={primaryKey}
              onClick={() => trigger(primary)}
            >
              <span className="kern-label">{t(`ws.action.${primary}`)}</span>
              {primaryKey && (
                <span className="bc-kbd" aria-hidden="true">
                  {primaryKey}
                </span>
              )}
            </button>
            <StatusRegion notice={notice} className="bc-ws-status" />
            <div className="bc-action-grid">
              {others.map(({ action, key }) => (
                <button
                  key={action}
                  ref={(el) => {
                    otherButtons.current[action] = el;
                  }}
                  type="button"
                  data-action={action}
                  className="kern-btn kern-btn--secondary bc-action"
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
          </section>
          <CurrentDocuments ticket={current} />
        </div>
        <div className="bc-ws-lists">
          <WaitingQueue
            tickets={w.waiting}
            timeZone={office.timeZone}
            blockedReason={blockedReason}
            busy={busy}
            onCall={(tk) => void callOne(tk)}
          />
          <ParkedTickets
            tickets={w.parked}
            timeZone={office.timeZone}
            busy={busy}
            onReactivate={(tk) => void reactivate(tk)}
          />
        </div>
      </div>
      <ShortcutHelp />

      {dialog === 'finish' && current && (
        <FinishDialog
          ticket={current}
          counterServices={counter.services}
          officeServices={officeServices}
          busy={busy}
          onFinish={(s) => void finish(s)}
          onClose={() => closeDialog('finish')}
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
          onClose={() => closeDialog('transfer')}
        />
      )}
    </div>
  );
}
