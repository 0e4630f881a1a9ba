// Facts and rows the compliance table tests build their cases from.
import assert from 'node:assert/strict';
import type {
  ComplianceFacts,
  ComplianceRow,
  ComplianceSubject,
} from '../../../src/modules/reports/domain/compliance.ts';
import type { ClockState } from '../../../src/platform/domain/sla/clocks.ts';
import type { KpiTarget, KpiValue } from '../../../src/modules/support/domain/support-targets.ts';

export const day = 86_400_000;
export const monthStart = Date.UTC(2026, 1, 1);

export function facts(overrides: Partial<ComplianceFacts> = {}): ComplianceFacts {
  return {
    clocks: [],
    incidents: [],
    components: [],
    changes: [],
    outages: [],
    deviations: [],
    supportMonth: [],
    supportWeeks: [],
    supportEmails: { inTime: 0, late: 0, pending: 0 },
    ...overrides,
  };
}

export function rowOf(
  rows: ComplianceRow[],
  subject: ComplianceSubject,
  componentName: string | null = null,
): ComplianceRow {
  const row = rows.find((r) => r.subject === subject && r.componentName === componentName);
  assert.ok(row, `no row for ${subject} ${componentName ?? ''}`);
  return row;
}

let sequence = 0;
export function clock(
  policyId: string,
  state: ClockState,
  reference = `S-${(sequence += 1)}`,
  registeredAt = monthStart + sequence * day,
): ComplianceFacts['clocks'][number] {
  return { policyId, reference, category: null, state, registeredAt };
}

export function kpi(id: 'phone-wait' | 'phone-answer-rate', shown: number | null, met: boolean | null): KpiValue {
  const target: KpiTarget =
    id === 'phone-wait'
      ? { policyId: 'phone-wait', clause: '4.2', comparison: '<=', threshold: 60 }
      : { policyId: 'phone-answer-rate', clause: '4.2', comparison: '>=', threshold: 90 };
  return { id, unit: id === 'phone-wait' ? 'seconds' : 'percent', value: shown, shown, target, met };
}

export function component(
  code: string,
  calendarId: string,
  figure: { rounded: string | null; meetsTarget: boolean; known: boolean; through?: number },
): ComplianceFacts['components'][number] {
  return {
    code,
    name: `Komponent ${code}`,
    calendarId,
    targetBasisPoints: calendarId === 'studio-hours' ? 9980 : 9990,
    ...figure,
  };
}
