import { usePageTitle } from '@bc/schema';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OfficeLine, OfficeScope } from '../../components/OfficeScope';
import { ADMIN_BASE } from '../../lib/paths';
import { hasAnyRole } from '../../lib/roles';
import { useMe } from '../../session/me';
import type { StaffOffice } from '../../session/offices';
import { ADMIN_SECTIONS, type AdminSection, sectionPath } from './sections';

/** /verwaltung/:office — the administration's parts for one office, and those that concern all offices. */
export function AdminHomePage() {
  return <OfficeScope base={ADMIN_BASE}>{(office) => <AdminHome office={office} />}</OfficeScope>;
}

function AdminHome(props: { office: StaffOffice }) {
  const { t } = useTranslation();
  const { office } = props;
  usePageTitle(`${t('admin.title')} – ${office.name}`);
  const roles = useMe().data?.me?.roles ?? [];
  const open = ADMIN_SECTIONS.filter((s) => hasAnyRole(roles, s.roles));
  const officeSections = open.filter((s) => s.scope === 'office');
  const globalSections = open.filter((s) => s.scope === 'global');
  const list = (sections: readonly AdminSection[]) => (
    <ul className="kern-list bc-areas">
      {sections.map((s) => (
        <li key={s.key} className="kern-body">
          <Link className="kern-link" to={sectionPath(s, office.slug)}>
            {t(`admin.section.${s.key}.title`)}
          </Link>
          : {t(`admin.section.${s.key}.summary`)}
        </li>
      ))}
    </ul>
  );
  return (
    <div className="bc-stack-lg">
      <h1 className="kern-heading-large">{t('admin.title')}</h1>
      <OfficeLine base={ADMIN_BASE} office={office} />
      <section aria-labelledby="admin-office-heading">
        <h2 id="admin-office-heading" className="kern-heading-medium">
          {t('admin.officeSections')}
        </h2>
        {list(officeSections)}
      </section>
      {globalSections.length > 0 && (
        <section aria-labelledby="admin-global-heading">
          <h2 id="admin-global-heading" className="kern-heading-medium">
            {t('admin.globalSections')}
          </h2>
          {list(globalSections)}
        </section>
      )}
    </div>
  );
}
