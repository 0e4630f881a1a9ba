// The calendar module: the business-calendar and SLA calculators of the command line.
import { defineModule } from '../../platform/module-manifest.ts';
import { cli } from './cli.ts';

export const manifest = defineModule({ name: 'calendar', cli });
