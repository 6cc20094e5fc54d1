import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/TableScroll';
import { formatDayTime } from '../../../lib/datetime';
import type { Device } from './DevicesPage';

/** The office's devices with their state and what can be done with each (nothing, once revoked). */
export function DeviceTable(props: {
  devices: readonly Device[];
  timeZone: string;
  onRename: (d: Device) => void;
  onRevoke: (d: Device) => void;
  onNewCode: (d: Device) => void;
}) {
  const { t, i18n } = useTranslation();
  const when = (instant: string | null) => (instant ? formatDayTime(instant, props.timeZone, i18n.language) : '–');
  return (
    <TableScroll labelledBy="devices-list-heading">
      <table className="kern-table bc-devices__table">
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('adminDevices.col.name')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('adminDevices.col.kind')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('adminDevices.col.status')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('adminDevices.col.lastSeen')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('adminDevices.col.actions')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {props.devices.map((d) => (
            <tr key={d.id} className="kern-table__row">
              <th scope="row" className="kern-table__cell">
                {d.name}
              </th>
              <td className="kern-table__cell">{t(`adminDevices.kind.${d.kind}`, { defaultValue: d.kind })}</td>
              <td className="kern-table__cell">
                {t(`adminDevices.status.${d.status}`)}
                {d.status === 'WAITING' && d.pairingCodeExpiresAt && (
                  <> ({t('adminDevices.until', { time: when(d.pairingCodeExpiresAt) })})</>
                )}
                {d.status === 'REVOKED' && d.revokedAt && <> ({when(d.revokedAt)})</>}
              </td>
              <td className="kern-table__cell">{when(d.lastSeenAt)}</td>
              <td className="kern-table__cell">
                {d.status !== 'REVOKED' && (
                  <div className="bc-devices__actions">
                    <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => props.onRename(d)}>
                      <span className="kern-label">{t('adminDevices.rename')}</span>
                      <span className="kern-sr-only"> {d.name}</span>
                    </button>
                    <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => props.onNewCode(d)}>
                      <span className="kern-label">{t('adminDevices.newCode')}</span>
                      <span className="kern-sr-only"> {d.name}</span>
                    </button>
                    <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => props.onRevoke(d)}>
                      <span className="kern-label">{t('adminDevices.revoke')}</span>
                      <span className="kern-sr-only"> {d.name}</span>
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
