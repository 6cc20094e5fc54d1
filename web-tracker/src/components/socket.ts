import type { Client } from 'graphql-ws';
import { createContext, useContext, useEffect, useState } from 'react';

/** The subscription socket, so screens can show whether it is up and restart it when it froze. */
export const SocketContext = createContext<Client | null>(null);

export function useSocket(): Client {
  const socket = useContext(SocketContext);
  if (!socket) throw new Error('SocketContext is not provided');
  return socket;
}

/** idle until the first connection attempt ends; then connected or lost (the client keeps reconnecting). */
export type SocketState = 'idle' | 'connected' | 'lost';

export function useSocketState(): SocketState {
  const socket = useSocket();
  const [state, setState] = useState<SocketState>('idle');
  useEffect(() => {
    const stop = [socket.on('connected', () => setState('connected')), socket.on('closed', () => setState('lost'))];
    return () => {
      for (const off of stop) off();
    };
  }, [socket]);
  return state;
}
