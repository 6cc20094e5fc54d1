import { useSubscription } from '@apollo/client/react';
import { DEVICE_RETRY_MS, isAccessRefused } from '@bc/schema';
import { useEffect } from 'react';
import { useSocket, useSocketState } from '../components/socket';
import { useServerClock } from '../components/use-server-clock';
import { graphql } from '../gql';

const ServerTimeSubscription = graphql(`
  subscription LiveServerTime {
    serverTime
  }
`);

/** The server sends its time every 15 s; a socket silent for this long is frozen and is replaced. */
const SILENT_SOCKET_MS = 40_000;

/**
 * The live socket of a device screen (call display): the server's clock (`serverTime`, for devices and staff only,
 * which doubles as a heartbeat), a frozen socket replaced when the heartbeat stops (graphql-ws then reconnects with
 * backoff and resubscribes, each subscription starting with the current state), and a failed subscription started
 * again. `lost` is true while the screen cannot receive updates.
 */
export function useLiveConnection(options: { onRefused?: () => void } = {}) {
  const socket = useSocket();
  const socketState = useSocketState();
  const clock = useServerClock();
  const { onRefused } = options;

  const { error, restart } = useSubscription(ServerTimeSubscription, {
    onData: ({ data }) => {
      if (data.data) clock.sync(data.data.serverTime);
    },
  });
  useEffect(() => {
    if (!error) return;
    if (isAccessRefused(error)) onRefused?.();
    const timer = setTimeout(restart, DEVICE_RETRY_MS);
    return () => clearTimeout(timer);
  }, [error, restart, onRefused]);

  // A socket can die without closing (sleeping network, dropped NAT entry): when the time stops coming, replace it.
  const { lastSync } = clock;
  useEffect(() => {
    if (socketState !== 'connected') return;
    lastSync.current = performance.now();
    const timer = setInterval(() => {
      if (performance.now() - lastSync.current > SILENT_SOCKET_MS) socket.terminate();
    }, 5_000);
    return () => clearInterval(timer);
  }, [socketState, socket, lastSync]);

  return { socketState, lost: socketState === 'lost' || !!error, clock };
}
