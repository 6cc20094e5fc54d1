import type { TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { isAccessRefused } from './device-errors.js';

/** The device and its office are read again this often: picks up a changed notice and a revoked link. */
const DEVICE_REFRESH_MS = 60_000;
/** After a failed request, try again this soon. */
export const DEVICE_RETRY_MS = 10_000;

/**
 * The signed-in device (kiosk or call display) from a `currentDevice` query, for a screen that must run unattended:
 * read again every minute, retried after a failure, and the last known device kept while the api cannot be
 * reached. `refused` means the api turned the device down and the screen must be set up again.
 */
export function useCurrentDevice<D>(query: TypedDocumentNode<{ currentDevice: D }, Record<string, never>>) {
  const { data, error, refetch } = useQuery(query, {
    fetchPolicy: 'network-only',
    nextFetchPolicy: 'network-only',
    pollInterval: DEVICE_REFRESH_MS,
    notifyOnNetworkStatusChange: false,
  });
  const [device, setDevice] = useState(data?.currentDevice);
  useEffect(() => {
    if (data) setDevice(data.currentDevice);
  }, [data]);
  const refused = isAccessRefused(error);
  const recheck = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  useEffect(() => {
    if (!error || refused) return;
    const timer = setTimeout(recheck, DEVICE_RETRY_MS);
    return () => clearTimeout(timer);
  }, [error, refused, recheck]);
  return { device, error, refused, recheck };
}
