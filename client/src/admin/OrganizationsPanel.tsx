/** The network's organisations: list, add (name, type, country) and remove. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationDto } from '../../../shared/api/entities';
import { ORGANIZATION_TYPES, type OrganizationType } from '../../../shared/domain';
import { api } from '../api/client';
import { ErrorScreen, FormError } from '../components/ErrorScreen';
import { EmptyState, Skeleton } from '../components/Feedback';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useFormSubmit } from '../components/useFormSubmit';
import { useOrganizations } from './queries';

/** Organisations grouped in one table, sorted by name. */
export function OrganizationsPanel() {
  const { t } = useTranslation();
  const organizations = useOrganizations();
  const removal = useFormSubmit();

  const remove = async (organization: OrganizationDto) => {
    if (!window.confirm(t('admin.confirmRemoveOrganization', { name: organization.name }))) return;
    await removal.run(async () => {
      await api.organizations.remove(organization.id);
      organizations.setData((data) => ({
        organizations: data.organizations.filter((item) => item.id !== organization.id),
      }));
    });
  };

  return (
    <section className="card" aria-labelledby="organizations-heading">
      <h2 id="organizations-heading">{t('admin.organizations')}</h2>
      <p className="muted">{t('admin.organizationsHint')}</p>
      {organizations.status === 'loading' && <Skeleton />}
      {organizations.status === 'error' && (
        <ErrorScreen error={organizations.error} onRetry={organizations.reload} />
      )}
      {organizations.status === 'ready' && organizations.data.organizations.length === 0 && (
        <EmptyState title={t('admin.noOrganizations')} />
      )}
      {organizations.status === 'ready' && organizations.data.organizations.length > 0 && (
        <div className="table-wrap">
          <table className="documents-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.orgName')}</th>
                <th scope="col">{t('admin.orgType')}</th>
                <th scope="col">{t('admin.orgCountry')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {[...organizations.data.organizations]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((organization) => (
                  <tr key={organization.id}>
                    <td>{organization.name}</td>
                    <td>{t(`admin.types.${organization.type}`)}</td>
                    <td>{organization.country}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        aria-label={t('admin.removeOrganization', { name: organization.name })}
                        onClick={() => void remove(organization)}
                      >
                        {t('common.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      <FormError message={removal.error} />
      <AddOrganizationForm
        onAdded={(organization) =>
          organizations.setData((data) => ({
            organizations: [...data.organizations, organization],
          }))
        }
      />
    </section>
  );
}

function AddOrganizationForm({ onAdded }: { onAdded: (organization: OrganizationDto) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [type, setType] = useState<OrganizationType>('city');
  const [country, setCountry] = useState('');
  const form = useFormSubmit();

  const add = async () => {
    const { organization } = await api.organizations.create({ name, type, country });
    onAdded(organization);
    setName('');
    setCountry('');
  };

  return (
    <form
      className="form add-organization"
      aria-labelledby="add-organization-heading"
      onSubmit={form.handleSubmit(add)}
    >
      <h3 id="add-organization-heading">{t('admin.addOrganization')}</h3>
      <div className="add-organization__row">
        <TextField
          label={t('admin.orgName')}
          required
          maxLength={200}
          value={name}
          onValue={setName}
        />
        <SelectField
          label={t('admin.orgType')}
          value={type}
          options={ORGANIZATION_TYPES}
          labelFor={(option) => t(`admin.types.${option}`)}
          onValue={setType}
        />
        <TextField
          label={t('admin.orgCountry')}
          required
          pattern="[A-Za-z]{2}"
          maxLength={2}
          title={t('admin.orgCountryHint')}
          placeholder="DE"
          value={country}
          onValue={setCountry}
        />
        <button type="submit" className="button button--primary" disabled={form.isBusy}>
          {t('admin.addOrganization')}
        </button>
      </div>
      <FormError message={form.error} />
    </form>
  );
}
