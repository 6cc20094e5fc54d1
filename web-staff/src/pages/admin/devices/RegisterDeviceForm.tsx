import { useMutation } from '@apollo/client/react';
import { describedBy, FieldError } from '@bc/schema';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../gql/graphql';
import { RegisterDeviceMutation } from './device-documents';
import type { ShownCode } from './PairingCodePanel';

const KINDS: Role[] = ['KIOSK', 'DISPLAY', 'PHOTO_TERMINAL'];

type Problems = Partial<Record<'name' | 'kind' | 'form', string>>;

/** Registers a device by name and kind; the api answers with its one-time pairing code. */
export function RegisterDeviceForm(props: { officeId: string; onRegistered: (shown: ShownCode) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Role>('KIOSK');
  const [problems, setProblems] = useState<Problems>({});
  const [register, { loading }] = useMutation(RegisterDeviceMutation);
  const nameInput = useRef<HTMLInputElement>(null);
  const kindInput = useRef<HTMLSelectElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (loading) return;
    if (name.trim() === '') {
      setProblems({ name: t('adminDevices.problem.REQUIRED') });
      nameInput.current?.focus();
      return;
    }
    try {
      const res = (await register({ variables: { officeId: props.officeId, kind, name } })).data?.registerDevice;
      if (res?.__typename === 'DevicePairingCode') {
        setProblems({});
        setName('');
        props.onRegistered({ code: res.code, expiresAt: res.expiresAt, device: res.device });
      } else if (res?.__typename === 'InvalidInput') {
        const next: Problems = {};
        for (const f of res.fields) {
          const key = f.field === 'kind' ? 'kind' : f.field === 'name' ? 'name' : 'form';
          next[key] ??= t(`adminDevices.problem.${f.code}`, { defaultValue: t('adminDevices.problem.other') });
        }
        setProblems(next);
        if (next.name) nameInput.current?.focus();
        else if (next.kind) kindInput.current?.focus();
      } else {
        setProblems({ form: t('adminDevices.refused') });
      }
    } catch {
      setProblems({ form: t('adminDevices.failed') });
    }
  };

  return (
    <section className="bc-stack" aria-labelledby="device-register-heading">
      <h2 id="device-register-heading" className="kern-heading-medium">
        {t('adminDevices.registerTitle')}
      </h2>
      <form noValidate onSubmit={(e) => void submit(e)} className="bc-devices__register">
        <div className={`kern-form-input${problems.name ? ' kern-form-input--error' : ''}`}>
          <label className="kern-label" htmlFor="device-name">
            {t('adminDevices.name')}
          </label>
          <p className="kern-hint" id="device-name-hint">
            {t('adminDevices.nameHint')}
          </p>
          <input
            ref={nameInput}
            id="device-name"
            type="text"
            maxLength={60}
            autoComplete="off"
            className={`kern-form-input__input${problems.name ? ' kern-form-input__input--error' : ''}`}
            aria-invalid={problems.name ? true : undefined}
            aria-describedby={describedBy('device-name-hint', problems.name && 'device-name-error')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          {problems.name && <FieldError id="device-name-error" text={problems.name} />}
        </div>
        <div className={`kern-form-input${problems.kind ? ' kern-form-input--error' : ''}`}>
          <label className="kern-label" htmlFor="device-kind">
            {t('adminDevices.kindLabel')}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              ref={kindInput}
              id="device-kind"
              className="kern-form-input__select"
              aria-invalid={problems.kind ? true : undefined}
              aria-describedby={problems.kind ? 'device-kind-error' : undefined}
              value={kind}
              onChange={(e) => setKind(e.target.value as Role)}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`adminDevices.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          {problems.kind && <FieldError id="device-kind-error" text={problems.kind} />}
        </div>
        <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={loading || undefined}>
          <span className="kern-label">{t('adminDevices.register')}</span>
        </button>
      </form>
      {problems.form && (
        <p className="kern-body" role="alert">
          {problems.form}
        </p>
      )}
    </section>
  );
}
