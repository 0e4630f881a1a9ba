import type { Kysely } from 'kysely';

// Billing: the product catalogue (seed 003) and the metrics counting as each product's transactions, yearly cost
// elements, budget years (the financing alternative in force and today's funding levels), the financing
// alternatives 0–5, price lists with their validity, and the billing runs with the statements they issued.
// Statements and their lines are written once and never updated: a change is a new statement (a correction).
// Money is integer øre in bigint columns.

const all = (rule: string) => ({
  'fixed-operations': rule,
  development: rule,
  maintenance: rule,
  management: rule,
  'variable-operations': rule,
});

// Seed 003's six alternatives as rules per cost element. `principle` is the products Digital agenda (Meld. St. 27,
// ch. 11.1) puts under central funding; `other` the rest. The published figures are kept beside them for reference.
const alternatives = [
  {
    number: 0,
    name_nb: 'Dagens finansieringsmodell videreføres',
    name_nn: 'Dagens finansieringsmodell vert vidareført',
    name_en: "Today's financing model continues",
    rules: { kind: 'today-level' },
    published: [240, 300, 230, 230],
  },
  {
    number: 1,
    name_nb: 'Alle produkter sentralfinansieres',
    name_nn: 'Alle produkt vert sentralfinansierte',
    name_en: 'All products funded centrally',
    rules: { kind: 'by-element', principle: all('central'), other: all('central'), appropriationOrder: [] },
    published: [530, 530, 0, 0],
  },
  {
    number: 2,
    name_nb: 'Finansiering etter strategiske prinsipper i Digital agenda',
    name_nn: 'Finansiering etter strategiske prinsipp i Digital agenda',
    name_en: 'Funding by the strategic principles of Digital agenda',
    rules: {
      kind: 'by-element',
      principle: all('central'),
      other: { ...all('central'), maintenance: 'owners', 'variable-operations': 'owners' },
      appropriationOrder: [],
    },
    published: [360, 360, 170, 170],
  },
  {
    number: 3,
    name_nb: 'Sentral- og tjenesteeierfinansiering balanseres',
    name_nn: 'Sentral- og tenesteeigarfinansiering vert balansert',
    name_en: 'Central and owner funding balanced',
    rules: {
      kind: 'by-element',
      principle: all('central'),
      other: {
        ...all('owners'),
        'fixed-operations': 'central-within-appropriation',
        maintenance: 'central-within-appropriation',
        management: 'central-within-appropriation',
      },
      appropriationOrder: ['management', 'fixed-operations', 'maintenance'],
    },
    published: [240, 300, 230, 290],
  },
  {
    number: 4,
    name_nb: 'Sentralfinansieringen reduseres og tjenesteeierfinansieringen øker',
    name_nn: 'Sentralfinansieringa vert redusert og tenesteeigarfinansieringa aukar',
    name_en: 'Less central funding, more owner funding',
    rules: {
      kind: 'by-element',
      principle: all('central'),
      other: { ...all('owners'), management: 'central' },
      appropriationOrder: [],
    },
    published: [220, 220, 310, 310],
  },
  {
    number: 5,
    name_nb: 'Alle produkter tjenesteeierfinansieres',
    name_nn: 'Alle produkt vert tenesteeigarfinansierte',
    name_en: 'All products funded by the owners',
    rules: { kind: 'by-element', principle: all('owners'), other: all('owners'), appropriationOrder: [] },
    published: [0, 0, 530, 530],
  },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving app schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('billing_products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name_nb', 'text', (c) => c.notNull())
    .addColumn('name_nn', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('central_by_principle', 'integer', (c) => c.notNull()) // 0 | 1
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // A metric counts for one product only: the key is the metric.
  await db.schema
    .createTable('billing_product_metrics')
    .addColumn('metric', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('billing_products.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('billing_cost_elements')
    .addColumn('product_id', 'text', (c) => c.notNull().references('billing_products.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('element', 'text', (c) => c.notNull())
    .addColumn('amount_ore', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('billing_cost_elements_pk', ['product_id', 'year', 'element'])
    .execute();
  await db.schema
    .createTable('billing_budget_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('alternative', 'integer', (c) => c.notNull())
    .addColumn('central_appropriation_ore', 'bigint', (c) => c.notNull())
    .addColumn('owner_funding_today_ore', 'bigint', (c) => c.notNull())
    .addColumn('payment_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('billing_alternatives')
    .addColumn('number', 'integer', (c) => c.primaryKey())
    .addColumn('name_nb', 'text', (c) => c.notNull())
    .addColumn('name_nn', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull()) // JSON
    .addColumn('published', 'text', (c) => c.notNull()) // JSON [central min, max, owners min, max] in MNOK
    .execute();
  await db.schema
    .createTable('billing_price_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull()) // YYYY-MM-DD, the first day of a year
    .addColumn('valid_to', 'text') // YYYY-MM-DD, the last day of a year; null: open-ended
    .addColumn('terms', 'text', (c) => c.notNull()) // JSON
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createTable('billing_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer') // 1–4, null for the year
    .addColumn('alternative', 'integer', (c) => c.notNull())
    .addColumn('price_list_id', 'text', (c) => c.notNull().references('billing_price_lists.id'))
    .addColumn('price_list_digest', 'text', (c) => c.notNull())
    .addColumn('usage_through', 'text', (c) => c.notNull()) // YYYY-MM
    .addColumn('snapshot', 'text', (c) => c.notNull()) // JSON: the whole rating input
    .addColumn('snapshot_digest', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createTable('billing_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('run_id', 'text', (c) => c.notNull().references('billing_runs.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull()) // Q1–Q4 | Y
    .addColumn('sequence', 'integer', (c) => c.notNull()) // 0: the original, n: the nth correction
    .addColumn('kind', 'text', (c) => c.notNull()) // invoice | credit-note
    .addColumn('corrects_id', 'text')
    .addColumn('total_ore', 'bigint', (c) => c.notNull())
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('billing_statements_period', ['organisation_id', 'year', 'period', 'sequence'])
    .execute();
  await db.schema
    .createIndex('billing_statements_year')
    .on('billing_statements')
    .columns(['year', 'organisation_id'])
    .execute();
  await db.schema
    .createTable('billing_statement_lines')
    .addColumn('statement_id', 'text', (c) => c.notNull().references('billing_statements.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('weighted_transactions', 'bigint', (c) => c.notNull())
    .addColumn('ore', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('billing_statement_lines_pk', ['statement_id', 'position'])
    .execute();

  await db
    .insertInto('billing_alternatives')
    .values(
      alternatives.map((a) => ({
        number: a.number,
        name_nb: a.name_nb,
        name_nn: a.name_nn,
        name_en: a.name_en,
        rules: JSON.stringify(a.rules),
        published: JSON.stringify(a.published),
      })),
    )
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'billing_statement_lines',
    'billing_statements',
    'billing_runs',
    'billing_price_lists',
    'billing_alternatives',
    'billing_budget_years',
    'billing_cost_elements',
    'billing_product_metrics',
    'billing_products',
  ])
    await db.schema.dropTable(table).execute();
}
