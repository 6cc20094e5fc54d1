import { useMutation } from '@apollo/client/react';
import { describedBy, FieldError } from '@bc/schema';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import type { Device } from './DevicesPage';
import { RenameDeviceMutation } from './device-documents';

/** Renames a device; the api's field problems appear at the field. */
export function RenameDeviceDialog(props: { device: Device; onClose: () => void; onRenamed: (d: Device) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.device.name);
  const [problem, setProblem] = useState<string | null>(null);
  const [rename, { loading }] = useMutation(RenameDeviceMutation);
  const input = useRef<HTMLInputElement>(null);

  const save = async () => {
    if (name.trim() === '') {
      setProblem(t('adminDevices.problem.REQUIRED'));
      input.current?.focus();
      return;
    }
    try {
      const res = (await rename({ variables: { deviceId: props.device.id, name } })).data?.renameDevice;
      if (res?.__typename === 'ManagedDevice') return props.onRenamed(res);
      const code = res?.__typename === 'InvalidInput' ? res.fields[0]?.code : undefined;
      setProblem(
        code
          ? t(`adminDevices.problem.${code}`, { defaultValue: t('adminDevices.problem.other') })
          : t('adminDevices.refused'),
      );
    } catch {
      setProblem(t('adminDevices.failed'));
    }
    input.current?.focus();
  };

  return (
    <Dialog
      title={t('adminDevices.renameTitle', { name: props.device.name })}
      submitLabel={t('adminDevices.renameSave')}
      busy={loading}
      onSubmit={() => void save()}
      onClose={props.onClose}
      initialFocus={input}
    >
      <div className={`kern-form-input${problem ? ' kern-form-input--error' : ''}`}>
        <label className="kern-label" htmlFor="device-rename">
          {t('adminDevices.name')}
        </label>
        <input
          ref={input}
          id="device-rename"
          type="text"
          maxLength={60}
          autoComplete="off"
          className={`kern-form-input__input${problem ? ' kern-form-input__input--error' : ''}`}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy(problem && 'device-rename-error')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        {problem && <FieldError id="device-rename-error" text={problem} />}
      </div>
    </Dialog>
  );
}
