/** One step of the schema. `version` values are consecutive, starting at 1. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
