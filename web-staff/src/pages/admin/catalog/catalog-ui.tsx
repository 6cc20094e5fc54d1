import { describedBy, FieldError } from '@bc/schema';
import './catalog.css';
import type { TFunction } from 'i18next';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import type { Notice } from '../../../queue/outcome-text';

/** The field errors of an InvalidInput, by field path ("name", "documents.1.documentId", "hours.0.weekday", …). */
export type FieldCodes = Record<string, string>;

export function fieldCodes(fields: readonly { field: string; code: string }[]): FieldCodes {
  const out: FieldCodes = {};
  for (const f of fields) out[f.field] ??= f.code;
  return out;
}

/** The first code of a field or of any field below it ("hours.2" covers "hours.2.intervals.0.opensAt"). */
export function codeAt(codes: FieldCodes, path: string): string | undefined {
  return codes[path] ?? Object.entries(codes).find(([f]) => f.startsWith(`${path}.`))?.[1];
}

export function errorText(t: TFunction, code: string): string {
  return t(`adminCatalog.error.${code}`, { defaultValue: t('adminCatalog.error.other') });
}

type Refusal =
  | { __typename: 'InvalidInput'; fields: readonly { field: string; code: string }[] }
  | {
      __typename: 'CatalogItemInUse';
      code: string;
      appointments: number;
      tickets: number;
      uploads: number;
      services: number;
    }
  | { __typename: 'OfficeNotAllowed' };

/** A calm sentence for a refused change. */
export function refusalNotice(t: TFunction, r: Refusal): Notice {
  switch (r.__typename) {
    case 'InvalidInput':
      return { tone: 'warning', text: t('adminCatalog.invalid') };
    case 'CatalogItemInUse':
      return r.code === 'FUTURE_APPOINTMENTS'
        ? { tone: 'warning', text: t('adminCatalog.futureAppointments', { count: r.appointments }) }
        : {
            tone: 'warning',
            text: t('adminCatalog.inUse', {
              appointments: r.appointments,
              tickets: r.tickets,
              uploads: r.uploads,
              services: r.services,
            }),
          };
    case 'OfficeNotAllowed':
      return { tone: 'danger', text: t('outcome.officeNotAllowed') };
  }
}

/** A labelled text field (or textarea) with its hint and error tied to it. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  multiline?: boolean;
  /** Rows of a multiline field; 3 unless given. */
  rows?: number;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  required?: boolean;
  /** The language of what is typed, when it is not the page's (translations). */
  lang?: string;
}) {
  const { id, error, hint } = props;
  const describe = describedBy(hint && `${id}-hint`, error && `${id}-error`);
  const common = {
    id,
    value: props.value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describe,
    'aria-required': props.required || undefined,
    maxLength: props.maxLength,
    lang: props.lang,
  };
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {props.label}
      </label>
      {hint && (
        <p className="kern-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {props.multiline ? (
        <textarea
          {...common}
          rows={props.rows ?? 3}
          className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
          onChange={(e) => props.onChange(e.target.value)}
        />
      ) : (
        <input
          {...common}
          type="text"
          autoComplete="off"
          inputMode={props.inputMode}
          className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      {error && <FieldError id={`${id}-error`} text={error} />}
    </div>
  );
}

export function CheckField(props: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  return (
    <div className="kern-form-check">
      <input
        type="checkbox"
        id={props.id}
        className="kern-form-check__checkbox"
        checked={props.checked}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label className="kern-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint && (
        <p className="kern-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

/** "12" → 12, "" → null, anything else → NaN (refused before sending). */
export function wholeNumber(text: string): number | null {
  const v = text.trim();
  if (v === '') return null;
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

/** Moves the focus to the first field with an error (after the form re-rendered). */
export function focusFirstError(formId: string) {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>(`#${formId} [aria-invalid="true"]`)?.focus();
  });
}

/** Active / inactive, as a word (not only a colour). */
export function StateLabel(props: { active: boolean }) {
  const { t } = useTranslation();
  return <>{props.active ? t('adminCatalog.active') : t('adminCatalog.inactive')}</>;
}

/** A row's edit, activate/deactivate and (when it may go) delete buttons, each named with the item for screen readers. */
export function RowActions(props: {
  name: string;
  active: boolean;
  deletable: boolean;
  onEdit: () => void;
  onToggle: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const toggle = t(props.active ? 'adminCatalog.deactivate' : 'adminCatalog.activate');
  return (
    <div className="bc-row-actions">
      <button
        type="button"
        className="kern-btn kern-btn--secondary kern-btn--x-small"
        aria-label={`${t('adminCatalog.edit')}: ${props.name}`}
        onClick={props.onEdit}
      >
        <span className="kern-label">{t('adminCatalog.edit')}</span>
      </button>
      <button
        type="button"
        className="kern-btn kern-btn--secondary kern-btn--x-small"
        aria-label={`${toggle}: ${props.name}`}
        onClick={props.onToggle}
      >
        <span className="kern-label">{toggle}</span>
      </button>
      {props.deletable && (
        <button
          type="button"
          className="kern-btn kern-btn--secondary kern-btn--x-small"
          aria-label={`${t('adminCatalog.delete')}: ${props.name}`}
          onClick={props.onDelete}
        >
          <span className="kern-label">{t('adminCatalog.delete')}</span>
        </button>
      )}
    </div>
  );
}

/** Asks before an item is deleted. */
export function DeleteDialog(props: { name: string; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('adminCatalog.deleteTitle', { name: props.name })}
      description={t('adminCatalog.deleteBody')}
      submitLabel={t('adminCatalog.delete')}
      onSubmit={props.onConfirm}
      onClose={props.onClose}
      initialFocus="submit"
    />
  );
}

/**
 * A catalog page's form and delete state: the item in the form (null: an empty form for a new one), the key that
 * renews the form, its heading (focused on each change) and the item asked about before deleting.
 */
export function useItemForm<T>(clear: () => void) {
  const [editing, setEditing] = useState<T | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [toDelete, setToDelete] = useState<T | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  /** Shows an item in the form (null: an empty form for a new one); `keepNotice` after a save, to keep its message. */
  const edit = (item: T | null, keepNotice = false) => {
    if (!keepNotice) clear();
    setEditing(item);
    setFormKey((k) => k + 1);
    requestAnimationFrame(() => formHeading.current?.focus());
  };
  return { editing, formKey, formHeading, edit, toDelete, setToDelete };
}

/** The optional translations, in the order they are sent (field errors come back as `translations.<index>.…`). */
export const TRANSLATION_LANGUAGES = ['en', 'de-x-ls'] as const;
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number];
export type TranslationTexts = Record<TranslationLanguage, { name: string; description: string }>;

/** The form's state of an item's English and Leichte Sprache texts, and what to send (both, empty ones too). */
export function useTranslationTexts(saved: readonly { language: string; name: string; description: string }[] = []) {
  const [texts, setTexts] = useState<TranslationTexts>(() => {
    const of = (language: string) => saved.find((s) => s.language === language);
    return {
      en: { name: of('en')?.name ?? '', description: of('en')?.description ?? '' },
      'de-x-ls': { name: of('de-x-ls')?.name ?? '', description: of('de-x-ls')?.description ?? '' },
    };
  });
  const set = (language: TranslationLanguage, field: 'name' | 'description', value: string) =>
    setTexts((all) => ({ ...all, [language]: { ...all[language], [field]: value } }));
  const input = TRANSLATION_LANGUAGES.map((language) => ({ language, ...texts[language] }));
  return { texts, set, input };
}

/**
 * English and Leichte Sprache name and description of a service or document, each optional: left empty, citizens
 * read the German text. Each language is a group of its own; the fields say their language (`lang`) so that spell
 * checkers and screen readers follow.
 */
export function TranslationFields(props: {
  idPrefix: string;
  texts: TranslationTexts;
  onChange: (language: TranslationLanguage, field: 'name' | 'description', value: string) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      {TRANSLATION_LANGUAGES.map((language, i) => {
        const id = `${props.idPrefix}-${language}`;
        return (
          <fieldset key={language} className="kern-fieldset bc-stack" aria-describedby={`${id}-hint`}>
            <legend className="kern-label">{t(`adminCatalog.translations.${language}.legend`)}</legend>
            <p className="kern-hint" id={`${id}-hint`}>
              {t('adminCatalog.translations.hint')}
            </p>
            <TextField
              id={`${id}-name`}
              label={t(`adminCatalog.translations.${language}.name`)}
              value={props.texts[language].name}
              onChange={(v) => props.onChange(language, 'name', v)}
              error={props.error(`translations.${i}.name`) ?? props.error(`translations.${i}.language`)}
              maxLength={120}
              lang={language === 'en' ? 'en' : 'de'}
            />
            <TextField
              id={`${id}-description`}
              label={t(`adminCatalog.translations.${language}.description`)}
              value={props.texts[language].description}
              onChange={(v) => props.onChange(language, 'description', v)}
              error={props.error(`translations.${i}.description`)}
              multiline
              lang={language === 'en' ? 'en' : 'de'}
            />
          </fieldset>
        );
      })}
    </>
  );
}
