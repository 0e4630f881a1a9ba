// The columns of the support logs' CSV files (light: `niva --help` lists them).
/** A CSV column and the record field it fills; `optional` columns may be missing from the header or left empty. */
export interface Column {
  csv: string;
  field: string;
  kind: 'text' | 'instant' | 'flag';
  optional: boolean;
}

export const callColumns: Column[] = [
  { csv: 'line', field: 'line', kind: 'text', optional: false },
  { csv: 'external_id', field: 'externalId', kind: 'text', optional: false },
  { csv: 'queued_at', field: 'queuedAt', kind: 'instant', optional: false },
  { csv: 'answered_at', field: 'answeredAt', kind: 'instant', optional: true },
  { csv: 'abandoned', field: 'abandoned', kind: 'flag', optional: true },
  { csv: 'callback', field: 'callback', kind: 'flag', optional: true },
];

export const emailColumns: Column[] = [
  { csv: 'line', field: 'line', kind: 'text', optional: false },
  { csv: 'external_id', field: 'externalId', kind: 'text', optional: false },
  { csv: 'received_at', field: 'receivedAt', kind: 'instant', optional: false },
  { csv: 'first_answer_at', field: 'firstAnswerAt', kind: 'instant', optional: true },
];
