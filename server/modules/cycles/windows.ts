// The one check services use to refuse out-of-window actions with 「…时间未开始 / 已结束」.
import { windowLabels, type WindowKey } from '../../../common/enums.js';
import { windowState } from '../../../common/schedule.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { currentCycle, type CycleRow } from './service.js';

export function windowOf(cycle: CycleRow, key: WindowKey): { start: string; end: string } {
  return { start: cycle[`${key}Start`], end: cycle[`${key}End`] };
}

/** The province's current cycle, if `key`'s window is open today; otherwise a 409 that says why. */
export async function requireWindowOpen(db: Database, provinceCode: string, key: WindowKey): Promise<CycleRow> {
  const cycle = await currentCycle(db, provinceCode);
  if (!cycle) throw new AppError(409, 'NO_CURRENT_CYCLE', '当前没有进行中的考核周期');
  const { start, end } = windowOf(cycle, key);
  const state = windowState(start, end);
  if (state === 'notStarted') throw new AppError(409, 'WINDOW_NOT_STARTED', `${windowLabels[key]}时间未开始（${start} 至 ${end}）`);
  if (state === 'ended') throw new AppError(409, 'WINDOW_ENDED', `${windowLabels[key]}时间已结束（${start} 至 ${end}）`);
  return cycle;
}
