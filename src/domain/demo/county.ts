// The whole demo county from a seed: places, people and households, life events, special
// identities, employment, enrollment with targets, institutions and the catalogue. Pure: the
// same options give the same county, byte for byte. Each part draws from its own forked stream,
// so the catalogue and institutions do not change with the number of persons.
import { buildCatalogue, type DemoCatalogueItem } from './catalogue.ts';
import { buildNextYearCollection } from './collection.ts';
import { yearOf } from './dates.ts';
import { assignEmployment, buildEmployers } from './employment.ts';
import { buildEnrollments, buildTargets, type DemoEnrollment, type DemoTarget } from './enrollment.ts';
import { buildIdentities, type DemoIdentity } from './identities.ts';
import { buildInstitutions, type DemoInstitution } from './institutions.ts';
import { applyLifeEvents, type DemoMembership, type DemoStatusChange } from './life-events.ts';
import { buildPlaces, type DemoPlaces } from './places.ts';
import { buildPopulation, type DemoHousehold, type DemoPerson } from './population.ts';
import { createRandom } from './random.ts';

export interface DemoCountyOptions {
  admdvs: string;
  regionName: string;
  persons: number;
  seed: number;
  /** 'YYYY-MM-DD': enrollment covers this year and last, events happen before this day */
  today: string;
}

export interface DemoCounty {
  places: DemoPlaces;
  households: DemoHousehold[];
  persons: DemoPerson[];
  memberships: DemoMembership[];
  statusChanges: DemoStatusChange[];
  identities: DemoIdentity[];
  enrollments: DemoEnrollment[];
  targets: DemoTarget[];
  institutions: DemoInstitution[];
  catalogue: DemoCatalogueItem[];
}

export function buildDemoCounty(o: DemoCountyOptions): DemoCounty {
  if (!Number.isInteger(o.persons) || o.persons < 1)
    throw new RangeError(`persons must be a positive integer: ${o.persons}`);
  const root = createRandom(o.seed);
  const year = yearOf(o.today);
  const places = buildPlaces(root.fork('places'), o.admdvs, o.regionName);
  const { households, persons } = buildPopulation(root.fork('persons'), places, o.persons, o.today);
  const { memberships, statusChanges } = applyLifeEvents(root.fork('events'), persons, o.today);
  const communities = new Set(places.villages.filter((v) => v.community).map((v) => v.code));
  const identities = buildIdentities(root.fork('identities'), persons, households, o.today, communities);
  const employers = buildEmployers(root.fork('employers'), o.admdvs, o.regionName);
  const employment = assignEmployment(
    root.fork('employment'),
    persons,
    employers,
    places.townships[0].code,
    o.today,
  );
  // some townships mobilise better than others: how often people skip the resident scheme
  const factorRandom = root.fork('township-factor');
  const factor = new Map(places.townships.map((t) => [t.code, 0.5 + factorRandom.next() * 1.5]));
  const enrollments = buildEnrollments(
    root.fork('enrollment'),
    persons,
    identities,
    employment,
    (v) => factor.get(v.slice(0, 9)) ?? 1,
    o.today,
  );
  const targets = buildTargets(
    root.fork('targets'),
    places.townships.map((t) => t.code),
    persons,
    enrollments,
    [year - 1, year],
  );
  const collection = buildNextYearCollection(
    root.fork('collection'),
    persons,
    enrollments,
    identities,
    places.townships.map((t) => t.code),
    o.today,
  );
  return {
    places,
    households,
    persons,
    memberships,
    statusChanges,
    identities,
    enrollments: [...enrollments, ...collection.enrollments],
    targets: [...targets, ...collection.targets],
    institutions: buildInstitutions(root.fork('institutions'), places, o.today),
    catalogue: buildCatalogue(root.fork('catalogue')),
  };
}
