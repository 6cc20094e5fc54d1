import { useMutation, useQuery } from '@apollo/client/react';
import { describedBy, FieldError } from '@bc/schema';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OfficeScope } from '../../../components/OfficeScope';
import { StatusRegion, useNotice } from '../../../components/StatusRegion';
import type { OfficeSettingsFieldsFragment } from '../../../gql/graphql';
import { ADMIN_BASE } from '../../../lib/paths';
import type { StaffOffice } from '../../../session/offices';
import { AdminPageFrame, AdminQueryState } from '../AdminPageFrame';
import { AdminField, type Problem, useProblemText } from './fields';
import {
  OfficeAdministrationQuery,
  UpdateOfficeDetailsMutation,
  UpdateOfficeSettingsMutation,
} from './office-documents';
import './office-admin.css';

const DETAIL_FIELDS = ['name', 'street', 'postalCode', 'city', 'phone', 'email', 'timeZone', 'notice'] as const;
/** Fields the office may leave empty (an empty text removes them). */
const OPTIONAL_FIELDS: readonly DetailField[] = ['notice', 'phone', 'email'];
const WITH_HINT: readonly DetailField[] = ['timeZone', 'notice', 'phone', 'email'];
type DetailField = (typeof DETAIL_FIELDS)[number];
type Details = Record<DetailField, string>;

const SETTING_FIELDS = [
  'slotMinutes',
  'leadMinutes',
  'horizonDays',
  'checkInLateMinutes',
  'priorityMinutes',
  'maxCalls',
  'closingBufferMinutes',
] as const;
type SettingField = (typeof SETTING_FIELDS)[number];

const pickDetails = (d: Record<DetailField, string | null>): Details =>
  Object.fromEntries(DETAIL_FIELDS.map((f) => [f, d[f] ?? ''])) as Details;

export const HOLIDAY_REGIONS = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HH',
  'HE',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
] as const;

/** /verwaltung/:office/dienststelle — name, address, time zone, notice, public phone and email, and the queue and booking settings. */
export function OfficeDetailsPage() {
  return <OfficeScope base={ADMIN_BASE}>{(office) => <OfficeDetails key={office.id} office={office} />}</OfficeScope>;
}

function OfficeDetails(props: { office: StaffOffice }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(OfficeAdministrationQuery, {
    variables: { officeId: props.office.id },
    fetchPolicy: 'network-only',
  });
  const view = data?.officeAdministration;
  return (
    <AdminPageFrame title={t('officeAdmin.details.title')} office={props.office}>
      <AdminQueryState
        loading={loading && !view}
        error={error}
        onRetry={() => void refetch()}
        notAllowed={view?.__typename === 'OfficeNotAllowed' && t('officeAdmin.notAllowed')}
      />
      {view?.__typename === 'OfficeAdministration' && (
        <>
          <DetailsForm
            officeId={view.officeId}
            initial={pickDetails(view.details)}
            initialLanguages={view.details.languages}
          />
          <SettingsForm officeId={view.officeId} initial={view.settings} />
        </>
      )}
    </AdminPageFrame>
  );
}

/** Languages a kiosk can offer besides German (German is always offered). */
const KIOSK_EXTRA_LANGUAGES = ['en'] as const;

function DetailsForm(props: { officeId: string; initial: Details; initialLanguages: readonly string[] }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Details>(props.initial);
  const [languages, setLanguages] = useState<readonly string[]>(props.initialLanguages);
  const [problems, setProblems] = useState<Problem[]>([]);
  const { notice, show } = useNotice();
  const [save, { loading }] = useMutation(UpdateOfficeDetailsMutation, { refetchQueries: ['Me'] });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const input = { ...draft, languages: ['de', ...languages.filter((l) => l !== 'de')] };
      const res = (await save({ variables: { officeId: props.officeId, input } })).data?.updateOfficeDetails;
      if (res?.__typename === 'OfficeDetails') {
        setProblems([]);
        setDraft(pickDetails(res));
        setLanguages(res.languages);
        show({ tone: 'success', text: t('officeAdmin.details.saved') });
      } else if (res?.__typename === 'InvalidInput') {
        setProblems(res.fields);
        show({ tone: 'danger', text: t('officeAdmin.notSaved', { count: res.fields.length }) });
      } else show({ tone: 'danger', text: t('officeAdmin.notAllowed') });
    } catch {
      show({ tone: 'danger', text: t('officeAdmin.failed') });
    }
  };
  const problemOf = (f: string) => problems.find((p) => p.field === f);
  const problemText = useProblemText();
  const languagesProblem = problemOf('languages');
  return (
    <form className="bc-stack" aria-labelledby="office-details-heading" onSubmit={submit} noValidate>
      <h2 id="office-details-heading" className="kern-heading-medium">
        {t('officeAdmin.details.heading')}
      </h2>
      {DETAIL_FIELDS.map((field) => (
        <AdminField
          key={field}
          id={`office-${field}`}
          label={t(`officeAdmin.details.${field}`)}
          hint={WITH_HINT.includes(field) ? t(`officeAdmin.details.${field}Hint`) : undefined}
          problem={problemOf(field)}
          value={draft[field]}
          onValue={(v) => setDraft((d) => ({ ...d, [field]: v }))}
          required={!OPTIONAL_FIELDS.includes(field)}
          autoComplete="off"
          type={field === 'phone' ? 'tel' : field === 'email' ? 'email' : 'text'}
          inputMode={field === 'postalCode' ? 'numeric' : undefined}
        />
      ))}
      <fieldset
        className="kern-fieldset"
        aria-describedby={describedBy('office-languages-hint', languagesProblem && 'office-languages-error')}
      >
        <legend className="kern-label">{t('officeAdmin.details.languages')}</legend>
        <div className="kern-fieldset__body">
          <p className="kern-hint" id="office-languages-hint">
            {t('officeAdmin.details.languagesHint')}
          </p>
          {KIOSK_EXTRA_LANGUAGES.map((language) => (
            <div key={language} className="kern-form-check">
              <input
                type="checkbox"
                id={`office-language-${language}`}
                className="kern-form-check__checkbox"
                checked={languages.includes(language)}
                onChange={(e) =>
                  setLanguages((all) => (e.target.checked ? [...all, language] : all.filter((l) => l !== language)))
                }
              />
              <label className="kern-label" htmlFor={`office-language-${language}`}>
                {t(`officeAdmin.details.language.${language}`)}
              </label>
            </div>
          ))}
          {languagesProblem && <FieldError id="office-languages-error" text={problemText(languagesProblem.code)} />}
        </div>
      </fieldset>
      <StatusRegion notice={notice} />
      <div>
        <button type="submit" className="kern-btn kern-btn--primary" disabled={loading}>
          <span className="kern-label">{t('officeAdmin.details.save')}</span>
        </button>
      </div>
    </form>
  );
}

type SettingsDraft = Record<SettingField, string> & { holidayRegion: string };

function SettingsForm(props: { officeId: string; initial: OfficeSettingsFieldsFragment }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const toDraft = (s: OfficeSettingsFieldsFragment): SettingsDraft => ({
    ...(Object.fromEntries(SETTING_FIELDS.map((f) => [f, String(s[f])])) as Record<SettingField, string>),
    holidayRegion: s.holidayRegion,
  });
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(props.initial));
  const [problems, setProblems] = useState<Problem[]>([]);
  const { notice, show } = useNotice();
  const [save, { loading }] = useMutation(UpdateOfficeSettingsMutation);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = SETTING_FIELDS.filter((f) => !/^\d+$/.test(draft[f].trim())).map((field) => ({
      field,
      code: 'NOT_A_NUMBER',
    }));
    if (missing.length > 0) {
      setProblems(missing);
      show({ tone: 'danger', text: t('officeAdmin.notSaved', { count: missing.length }) });
      return;
    }
    const input = {
      ...Object.fromEntries(SETTING_FIELDS.map((f) => [f, Number(draft[f])])),
      holidayRegion: draft.holidayRegion,
    };
    try {
      const res = (await save({ variables: { officeId: props.officeId, input } })).data?.updateOfficeSettings;
      if (res?.__typename === 'OfficeSettings') {
        setProblems([]);
        setDraft(toDraft(res));
        show({ tone: 'success', text: t('officeAdmin.settings.saved') });
      } else if (res?.__typename === 'InvalidInput') {
        setProblems(res.fields);
        show({ tone: 'danger', text: t('officeAdmin.notSaved', { count: res.fields.length }) });
      } else show({ tone: 'danger', text: t('officeAdmin.notAllowed') });
    } catch {
      show({ tone: 'danger', text: t('officeAdmin.failed') });
    }
  };
  const problemOf = (f: string) => problems.find((p) => p.field === f);
  const region = problemOf('holidayRegion');
  return (
    <form className="bc-stack" aria-labelledby="office-settings-heading" onSubmit={submit} noValidate>
      <h2 id="office-settings-heading" className="kern-heading-medium">
        {t('officeAdmin.settings.heading')}
      </h2>
      <p className="kern-body">{t('officeAdmin.settings.intro')}</p>
      {SETTING_FIELDS.map((field) => (
        <AdminField
          key={field}
          id={`settings-${field}`}
          className="bc-admin-number"
          label={t(`officeAdmin.settings.${field}`)}
          hint={t(`officeAdmin.settings.${field}Hint`)}
          problem={problemOf(field)}
          value={draft[field]}
          onValue={(v) => setDraft((d) => ({ ...d, [field]: v }))}
          inputMode="numeric"
          required
        />
      ))}
      <div className={`kern-form-input${region ? ' kern-form-input--error' : ''}`}>
        <label className="kern-label" htmlFor="settings-holidayRegion">
          {t('officeAdmin.settings.holidayRegion')}
        </label>
        <div className="kern-form-input__select-wrapper">
          <select
            id="settings-holidayRegion"
            className="kern-form-input__select"
            value={draft.holidayRegion}
            aria-invalid={region ? true : undefined}
            aria-describedby={region ? 'settings-holidayRegion-error' : undefined}
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
          <p className="kern-error" id="settings-holidayRegion-error">
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <span className="kern-body">{problemText(region.code)}</span>
          </p>
        )}
      </div>
      <StatusRegion notice={notice} />
      <div>
        <button type="submit" className="kern-btn kern-btn--primary" disabled={loading}>
          <span className="kern-label">{t('officeAdmin.settings.save')}</span>
        </button>
      </div>
    </form>
  );
}
