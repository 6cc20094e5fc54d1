import type { Client } from 'graphql-ws';
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';

/** The subscription socket, so screens can show whether it is up and restart it when it froze. */
export const SocketContext = createContext<Client | null>(null);

export function useSocket(): Client {
  const socket = useContext(SocketContext);
  if (!socket) throw new Error('SocketContext is not provided');
  return socket;
}

/** idle until the first connection attempt ends; then connected or lost (the client keeps reconnecting). */
export type SocketState = 'idle' | 'connected' | 'lost';

type Followed = { state: SocketState; listeners: Set<() => void> };
const followed = new WeakMap<Client, Followed>();
/** graphql-ws closes an unused lazy socket normally (1000): nothing was lost, the next subscription reopens it. */
const NORMAL_CLOSURE = 1000;

/**
 * Keeps the socket's state from its creation on: a socket opened at start (the tracking page's) can be connected
 * before any screen listens.
 */
export function followSocketState(socket: Client): void {
  const entry: Followed = { state: 'idle', listeners: new Set() };
  followed.set(socket, entry);
  const set = (state: SocketState) => {
    entry.state = state;
    for (const listener of entry.listeners) listener();
  };
  socket.on('connected', () => set('connected'));
  socket.on('closed', (event) => set((event as CloseEvent | undefined)?.code === NORMAL_CLOSURE ? 'idle' : 'lost'));
}

export function useSocketState(): SocketState {
  const socket = useSocket();
  const entry = followed.get(socket);
  if (!entry) throw new Error('the socket is not followed (followSocketState)');
  const subscribe = useCallback(
    (listener: () => void) => {
      entry.listeners.add(listener);
      return () => entry.listeners.delete(listener);
    },
    [entry],
  );
  return useSyncExternalStore(subscribe, () => entry.state);
}
