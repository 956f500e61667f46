// The varied 医师列表 requests of the benchmark: tabs, filters, sorts and pages as people combine them.
import dayjs from 'dayjs';
import { physicianLevels, practiceCategories } from '../../common/enums.js';
import { rosterSortFields } from '../../common/schemas/physician.js';
import type { BenchSample } from './prepare.js';
import { seededRandom, weighted, type Random } from './province-shape.js';

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/**
 * What people search for: one request in ten looks up one physician by the last four 证件号码 characters;
 * the others combine about one filter on average (姓名 by surname or the first two characters of a name).
 */
function commonFilters(random: Random, params: URLSearchParams, names: string[], tails: string[]): boolean {
  params.set('tab', random() < 0.5 ? 'unconfirmed' : 'confirmed');
  if (random() < 0.1) {
    params.set('idNumber', pick(random, tails));
    return false;
  }
  if (random() < 0.2) params.set('name', pick(random, names));
  if (random() < 0.15) {
    const min = 25 + Math.floor(random() * 25);
    params.set('ageMin', String(min));
    params.set('ageMax', String(min + 5 + Math.floor(random() * 15)));
  }
  if (random() < 0.1) {
    const from = dayjs('1990-01-01').add(Math.floor(random() * 30), 'year');
    params.set('firstRegistrationFrom', from.format('YYYY-MM-DD'));
    params.set('firstRegistrationTo', from.add(1 + Math.floor(random() * 8), 'year').format('YYYY-MM-DD'));
  }
  if (random() < 0.15) params.set('practiceCategory', pick(random, practiceCategories));
  if (random() < 0.1) params.set('physicianLevel', pick(random, physicianLevels));
  return true;
}

/** Page 1 most of the time, else 2–5; page sizes 10–100 as the pager offers them; a column sort in four of ten. */
function paging(random: Random, params: URLSearchParams, sortFields: readonly string[]): void {
  params.set('page', String(random() < 0.6 ? 1 : 2 + Math.floor(random() * 4)));
  params.set('pageSize', String(weighted(random, [[10, 4], [20, 3], [50, 1.5], [100, 1.5]] as const)));
  if (random() < 0.4) {
    params.set('sortField', pick(random, sortFields));
    params.set('sortOrder', random() < 0.5 ? 'ascend' : 'descend');
  }
}

/** Query strings for the flagship institution's own roster. */
export function institutionQueries(sample: BenchSample, count: number, seed = 1): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const params = new URLSearchParams();
    const browsing = commonFilters(random, params, sample.names, sample.flagshipTails);
    if (browsing && random() < 0.2) params.set('departmentId', String(pick(random, sample.flagshipDepartmentIds)));
    paging(random, params, rosterSortFields);
    return params.toString();
  });
}

/** Query strings for the provincial authority: jurisdiction-wide half the time, one institution the other half. */
export function authorityQueries(sample: BenchSample, count: number, seed = 2): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const params = new URLSearchParams();
    const browsing = commonFilters(random, params, sample.names, sample.provinceTails);
    if (browsing && random() < 0.5) {
      const [institutionId, departmentId] = pick(random, sample.institutionDepartments);
      params.set('institutionId', String(institutionId));
      if (random() < 0.3) params.set('departmentId', String(departmentId));
    }
    paging(random, params, rosterSortFields);
    return params.toString();
  });
}
