/** The city drop-down of a document (new-document form, details panel, filter bar). */
import type { OrganizationDto } from '../../../shared/api/entities';
import { SelectField } from '../components/SelectField';

/** Picks one of `cities` by id; '' is the `emptyLabel` choice (no city, or any city). */
export function CityPicker({
  label,
  emptyLabel,
  cities,
  value,
  name,
  isDisabled = false,
  onValue,
}: {
  label: string;
  emptyLabel: string;
  cities: readonly OrganizationDto[];
  value: string;
  name?: string;
  isDisabled?: boolean;
  onValue: (cityId: string) => void;
}) {
  const names = new Map(cities.map((city) => [city.id, city.name]));
  return (
    <SelectField
      label={label}
      name={name}
      value={value}
      disabled={isDisabled}
      options={cities.map((city) => city.id)}
      labelFor={(cityId) => names.get(cityId) ?? cityId}
      emptyLabel={emptyLabel}
      onValue={onValue}
    />
  );
}
