// Seeding the demo county: generate it (pure, from the seed), write it in one transaction with
// the staff accounts, the benefit policies of this year and last, and the demo HIS credentials,
// then settle a few hundred demo visits of this month through the real settlement services.
import type { Db } from '../db/types.ts';
import { demoCollectionWindow } from '../domain/demo/collection.ts';
import { setWindow } from '../modules/collection/index.ts';
import { buildDemoCounty, type DemoCounty } from '../domain/demo/county.ts';
import { countyHospitalCode } from '../domain/demo/institutions.ts';
import { audit, SYSTEM_ACTOR } from '../modules/audit/index.ts';
import { auditFromNow } from '../modules/supervision/index.ts';
import { DEMO_CREDENTIAL_SCHEME } from '../domain/demo/credentials.ts';
import { ensureInstitutionCredential, writeSchemeCredentials } from '../modules/his/index.ts';
import { seedDemoPolicies } from './policies.ts';
import { seedDemoSettlements } from './settlements.ts';
import { seedDemoAccounts } from './accounts.ts';
import { seedDemoCasework } from './casework.ts';
import { seedDemoServices } from './services.ts';
import { seedDemoSupervision } from './supervision.ts';
import { writeDemoCounty } from './county-repo.ts';

export const DEMO_ADMDVS = '410926';
export const DEMO_REGION_NAME = '演示县';
export const DEMO_SEED = 2026;
export const DEMO_PERSONS = 20_000;
export const DEMO_SETTLEMENTS = 300;
/** the demo agent's village: the first community of 城关镇, the first township */
export const DEMO_AGENT_VILLAGE = `${DEMO_ADMDVS}101001`;

/** The institutions whose HIS may call the demo gateway: the county hospital and 城关镇中心卫生院. */
export function demoHisCredentials(
  admdvs: string,
): { fixmedinsCode: string; paasid: string; secret: string }[] {
  return [countyHospitalCode(admdvs), `H${admdvs}00101`].map((code) => ({
    fixmedinsCode: code,
    paasid: code,
    secret: `demo-secret-${code}`,
  }));
}

export interface SeedDemoOptions {
  persons?: number;
  seed?: number;
  /** 'YYYY-MM-DD' (Beijing): enrollment covers this year and last; settlements fall in this month */
  today: string;
  settlements?: number;
  admdvs?: string;
  /**
   * Last month's settlements, supervision, a year of services and the cases (default: with any
   * settlements). Tests of the registry and of this month's settlements leave them out.
   */
  extras?: boolean;
}

export interface SeedDemoSummary {
  county: DemoCounty;
  settlements: { outpatient: number; inpatient: number };
  policies: number;
  /** the supervision demo (null without settlements) */
  supervision: Awaited<ReturnType<typeof seedDemoSupervision>> | null;
  /** a year of matters, ratings and 12345 tickets (null without settlements) */
  services: Awaited<ReturnType<typeof seedDemoServices>> | null;
  /** 医保医师 and three closed cases of the autumn (null without settlements) */
  casework: Awaited<ReturnType<typeof seedDemoCasework>> | null;
  ms: { build: number; write: number; settlements: number };
}

export async function seedDemoCounty(db: Db, o: SeedDemoOptions): Promise<SeedDemoSummary> {
  const admdvs = o.admdvs ?? DEMO_ADMDVS;
  const seed = o.seed ?? DEMO_SEED;
  const year = Number(o.today.slice(0, 4));
  const t0 = performance.now();
  const county = buildDemoCounty({
    admdvs,
    regionName: DEMO_REGION_NAME,
    persons: o.persons ?? DEMO_PERSONS,
    seed,
    today: o.today,
  });
  const t1 = performance.now();
  const { added: policies, staff } = await db.tx(async (tx) => {
    await writeDemoCounty(tx, county);
    const staff = await seedDemoAccounts(
      tx,
      admdvs,
      county.places.villages[0].code,
      countyHospitalCode(admdvs),
    );
    await writeSchemeCredentials(tx, { admdvs, ...DEMO_CREDENTIAL_SCHEME });
    let added = 0;
    // next year's policy is published before its collection opens (its contribution standard prefills the counter)
    for (const y of [year - 1, year, year + 1]) added += await seedDemoPolicies(tx, admdvs, y);
    for (const y of [year - 1, year, year + 1])
      await setWindow(
        tx,
        admdvs,
        demoCollectionWindow(y),
        SYSTEM_ACTOR,
        new Date(`${o.today}T00:00:00+08:00`),
      );
    for (const c of demoHisCredentials(admdvs))
      await ensureInstitutionCredential(tx, c.fixmedinsCode, c.paasid, c.secret);
    await audit(tx, SYSTEM_ACTOR, 'demo.seed', 'region', admdvs, null, {
      seed,
      today: o.today,
      persons: county.persons.length,
      households: county.households.length,
      enrollments: county.enrollments.length,
      institutions: county.institutions.length,
      catalogueItems: county.catalogue.length,
    });
    return { added, staff };
  });
  // Fresh bulk-loaded tables have no statistics, and PGlite never runs autovacuum: without this
  // the planner guesses row counts and the dashboard's queries take seconds instead of milliseconds.
  await db.query('ANALYZE');
  const t2 = performance.now();
  const count = o.settlements ?? DEMO_SETTLEMENTS;
  const settlements =
    count > 0
      ? await seedDemoSettlements(db, { admdvs, today: o.today, count, seed })
      : { outpatient: 0, inpatient: 0 };
  // last month's settlements (a third as many) give the auditors a closed month to sample, then
  // the supervision pages get their knowledge, scan, suspects and sample
  let supervision: SeedDemoSummary['supervision'] = null;
  let services: SeedDemoSummary['services'] = null;
  let casework: SeedDemoSummary['casework'] = null;
  if (count > 0 && (o.extras ?? true)) {
    await seedDemoSettlements(db, {
      admdvs,
      today: lastDayOfPreviousMonth(o.today),
      count: Math.ceil(count / 3),
      seed: seed + 1,
    });
    supervision = await seedDemoSupervision(db, { today: o.today, seed, catalogue: county.catalogue, staff });
    // the seeded months are history: the payment audit job takes the settlements made from here on
    await auditFromNow(db);
    // about as many matters over the year as settlements this month (240 for the demo county)
    const matters = Math.min(240, Math.max(24, count));
    services = await seedDemoServices(db, { today: o.today, seed, persons: county.persons, staff, matters });
    casework = await seedDemoCasework(db, {
      today: o.today,
      seed,
      institutions: county.institutions,
      persons: county.persons,
      staff,
    });
  }
  const t3 = performance.now();
  return {
    county,
    settlements,
    supervision,
    services,
    casework,
    policies,
    ms: { build: Math.round(t1 - t0), write: Math.round(t2 - t1), settlements: Math.round(t3 - t2) },
  };
}

function lastDayOfPreviousMonth(today: string): string {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}
