// The calendar module: the business-calendar and SLA calculators of the command line (all in its cli.ts).
import { defineModule } from '../../platform/module-manifest.ts';

export const manifest = defineModule({ name: 'calendar' });
