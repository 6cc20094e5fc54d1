import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { OfficeScope } from '../../../components/OfficeScope';
import { StatusRegion, useNotice } from '../../../components/StatusRegion';
import type { ManagedDeviceFieldsFragment } from '../../../gql/graphql';
import { ADMIN_BASE } from '../../../lib/paths';
import type { StaffOffice } from '../../../session/offices';
import { AdminPageFrame, AdminQueryState } from '../AdminPageFrame';
import { DeviceTable } from './DeviceTable';
import { NewPairingCodeMutation, OfficeDevicesQuery, RevokeDeviceMutation } from './device-documents';
import { PairingCodePanel, type ShownCode } from './PairingCodePanel';
import { RegisterDeviceForm } from './RegisterDeviceForm';
import { RenameDeviceDialog } from './RenameDeviceDialog';
import './devices.css';

export type Device = ManagedDeviceFieldsFragment;

/** /verwaltung/:office/geraete — the office's kiosks and call displays: register, name, pair, revoke. */
export function DevicesPage() {
  return <OfficeScope base={ADMIN_BASE}>{(office) => <Devices key={office.id} office={office} />}</OfficeScope>;
}

type Pending = { kind: 'rename' | 'revoke' | 'newCode'; device: Device } | null;

function Devices(props: { office: StaffOffice }) {
  const { t } = useTranslation();
  const { office } = props;
  const { data, loading, error, refetch } = useQuery(OfficeDevicesQuery, { variables: { officeId: office.id } });
  const [revoke, revoking] = useMutation(RevokeDeviceMutation);
  const [newCode, issuing] = useMutation(NewPairingCodeMutation);
  const { notice, show } = useNotice();
  const [code, setCode] = useState<ShownCode | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const result = data?.officeDevices;
  const devices = result?.__typename === 'OfficeDevices' ? result.devices : [];

  const failed = () => show({ tone: 'danger', text: t('adminDevices.failed') });
  const refused = () => show({ tone: 'warning', text: t('adminDevices.refused') });

  const showCode = (shown: ShownCode) => {
    setCode(shown);
    void refetch();
  };

  const confirmRevoke = async (device: Device) => {
    try {
      const res = (await revoke({ variables: { deviceId: device.id } })).data?.revokeDevice;
      setPending(null);
      if (res?.__typename !== 'ManagedDevice') return refused();
      if (code?.device.id === device.id) setCode(null);
      show({ tone: 'success', text: t('adminDevices.revoked', { name: device.name }) });
      void refetch();
      heading.current?.focus();
    } catch {
      failed();
    }
  };

  const issueCode = async (device: Device) => {
    try {
      const res = (await newCode({ variables: { deviceId: device.id } })).data?.newPairingCode;
      setPending(null);
      if (res?.__typename !== 'DevicePairingCode') return refused();
      showCode({ code: res.code, expiresAt: res.expiresAt, device: res.device });
    } catch {
      failed();
    }
  };

  return (
    <AdminPageFrame
      title={t('adminDevices.title')}
      office={office}
      className="bc-devices"
      headingRef={heading}
      intro={t('adminDevices.intro')}
    >
      <StatusRegion notice={notice} />
      {code && <PairingCodePanel shown={code} timeZone={office.timeZone} onDone={() => setCode(null)} />}
      <RegisterDeviceForm officeId={office.id} onRegistered={showCode} />
      <section className="bc-stack" aria-labelledby="devices-list-heading">
        <h2 id="devices-list-heading" className="kern-heading-medium">
          {t('adminDevices.listTitle')}
        </h2>
        <AdminQueryState
          loading={loading && !data}
          error={error}
          onRetry={() => void refetch()}
          notAllowed={result?.__typename === 'OfficeNotAllowed' && t('adminDevices.notAllowed')}
        />
        {result?.__typename === 'OfficeDevices' &&
          (devices.length === 0 ? (
            <p className="kern-body">{t('adminDevices.none')}</p>
          ) : (
            <DeviceTable
              devices={devices}
              timeZone={office.timeZone}
              onRename={(device) => setPending({ kind: 'rename', device })}
              onRevoke={(device) => setPending({ kind: 'revoke', device })}
              onNewCode={(device) =>
                device.status === 'PAIRED' ? setPending({ kind: 'newCode', device }) : void issueCode(device)
              }
            />
          ))}
      </section>
      {pending?.kind === 'rename' && (
        <RenameDeviceDialog
          device={pending.device}
          onClose={() => setPending(null)}
          onRenamed={(device) => {
            setPending(null);
            show({ tone: 'success', text: t('adminDevices.renamed', { name: device.name }) });
          }}
        />
      )}
      {pending?.kind === 'revoke' && (
        <Dialog
          title={t('adminDevices.revokeTitle', { name: pending.device.name })}
          description={t('adminDevices.revokeBody')}
          submitLabel={t('adminDevices.revokeConfirm')}
          busy={revoking.loading}
          initialFocus="submit"
          onSubmit={() => void confirmRevoke(pending.device)}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.kind === 'newCode' && (
        <Dialog
          title={t('adminDevices.newCodeTitle', { name: pending.device.name })}
          description={t('adminDevices.newCodeBody')}
          submitLabel={t('adminDevices.newCodeConfirm')}
          busy={issuing.loading}
          initialFocus="submit"
          onSubmit={() => void issueCode(pending.device)}
          onClose={() => setPending(null)}
        />
      )}
    </AdminPageFrame>
  );
}
