import { useMutation } from '@apollo/client/react';
import { usePageTitle } from '@bc/schema';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { StatusRegion, useNotice } from '../../../components/StatusRegion';
import { ADMIN_BASE } from '../../../lib/paths';
import { AdminField, type Problem, useProblemText } from './fields';
import { HOLIDAY_REGIONS } from './OfficeDetailsPage';
import { CreateOfficeMutation } from './office-documents';
import './office-admin.css';

const FIELDS = ['name', 'slug', 'street', 'postalCode', 'city', 'timeZone'] as const;
type Draft = Record<(typeof FIELDS)[number], string> & { holidayRegion: string };

/**
 * /verwaltung/neue-dienststelle — an admin sets up an office and lands on its administration, where hours, services
 * and counters follow. Until they exist nothing can be booked there.
 */
export function NewOfficePage() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  usePageTitle(t('officeAdmin.create.title'));
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>({
    name: '',
    slug: '',
    street: '',
    postalCode: '',
    city: '',
    timeZone: 'Europe/Berlin',
    holidayRegion: 'BW',
  });
  const [problems, setProblems] = useState<Problem[]>([]);
  const { notice, show } = useNotice();
  const [create, { loading }] = useMutation(CreateOfficeMutation, {
    refetchQueries: ['Me'],
    awaitRefetchQueries: true,
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const res = (await create({ variables: { input: draft } })).data?.createOffice;
      if (res?.__typename === 'OfficeDetails') {
        navigate(`${ADMIN_BASE}/${res.slug}`);
      } else if (res?.__typename === 'InvalidInput') {
        setProblems(res.fields);
        show({ tone: 'danger', text: t('officeAdmin.notSaved', { count: res.fields.length }) });
      }
    } catch {
      show({ tone: 'danger', text: t('officeAdmin.failed') });
    }
  };
  const problemOf = (f: string) => problems.find((p) => p.field === f);
  const region = problemOf('holidayRegion');
  return (
    <form className="bc-stack-lg" aria-labelledby="new-office-heading" onSubmit={submit} noValidate>
      <div className="bc-stack-sm">
        <h1 id="new-office-heading" className="kern-heading-large">
          {t('officeAdmin.create.title')}
        </h1>
        <p className="kern-body">{t('officeAdmin.create.intro')}</p>
      </div>
      <div className="bc-stack">
        {FIELDS.map((field) => (
          <AdminField
            key={field}
            id={`new-office-${field}`}
            label={t(field === 'slug' ? 'officeAdmin.create.slug' : `officeAdmin.details.${field}`)}
            hint={
              field === 'slug'
                ? t('officeAdmin.create.slugHint')
                : field === 'timeZone'
                  ? t('officeAdmin.details.timeZoneHint')
                  : undefined
            }
            problem={problemOf(field)}
            value={draft[field]}
            onValue={(v) => setDraft((d) => ({ ...d, [field]: v }))}
            required
            autoComplete="off"
            inputMode={field === 'postalCode' ? 'numeric' : undefined}
          />
        ))}
        <div className={`kern-form-input${region ? ' kern-form-input--error' : ''}`}>
          <label className="kern-label" htmlFor="new-office-holidayRegion">
            {t('officeAdmin.settings.holidayRegion')}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id="new-office-holidayRegion"
              className="kern-form-input__select"
              value={draft.holidayRegion}
              aria-invalid={region ? true : undefined}
              aria-describedby={region ? 'new-office-holidayRegion-error' : undefined}
              onChange={(e) => setDraft((d) => ({ ...d, holidayRegion: e.target.value }))}
            >
              {HOLIDAY_REGIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`officeAdmin.region.${r}`)}
                </option>
              ))}
            </select>
          </div>
          {region && (
            <p className="kern-error" id="new-office-holidayRegion-error">
              <span className="kern-icon kern-icon--danger" aria-hidden="true" />
              <span className="kern-body">{problemText(region.code)}</span>
            </p>
          )}
        </div>
      </div>
      <StatusRegion notice={notice} />
      <div>
        <button type="submit" className="kern-btn kern-btn--primary" disabled={loading}>
          <span className="kern-label">{t('officeAdmin.create.submit')}</span>
        </button>
      </div>
    </form>
  );
}
