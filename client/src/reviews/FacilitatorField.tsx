/**
 * Choosing a session's facilitator: the people who can open the document (members and people
 * it is shared with), the caller first as "Me". Used when scheduling and when handing over.
 */
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { SelectField } from '../components/SelectField';
import { queryKeys } from '../query/queryKeys';
import { useApiQuery } from '../query/useApiQuery';
import { useCurrentUser } from '../session/SessionContext';

/**
 * The select of people by id. `except` leaves one person out (the facilitator a session
 * already has); `emptyLabel` adds a first "nobody chosen" option with the value ''. Loaded
 * while `isActive`, so someone the document was just shared with is offered.
 */
export function FacilitatorField({
  documentId,
  value,
  onValue,
  label,
  isActive,
  except,
  emptyLabel,
}: {
  documentId: string;
  value: string;
  onValue: (userId: string) => void;
  label: string;
  isActive: boolean;
  except?: string;
  emptyLabel?: string;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const people = useApiQuery({
    queryKey: queryKeys.mentionable(documentId),
    load: () => api.threads.mentionable(documentId),
    enabled: isActive,
  });
  // The list names everyone but the caller, who comes first as "Me".
  const others = people.status === 'ready' ? people.data.people : [];
  const nameOf = new Map([
    [me.id, t('reviews.facilitatorMe', { name: me.name })],
    ...others.map((person) => [person.id, person.name] as const),
  ]);
  const options = [...nameOf.keys()].filter((id) => id !== except);
  return (
    <SelectField
      label={label}
      value={value}
      options={options}
      labelFor={(id) => nameOf.get(id) ?? id}
      {...(emptyLabel === undefined ? {} : { emptyLabel })}
      onValue={onValue}
    />
  );
}
