// The journey server of this worker: Vitest numbers the workers running at once 1…maxWorkers (VITEST_POOL_ID),
// so two journeys running side by side never share a server or its data.
import { inject } from 'vitest';
import type { JourneyServer } from './global-setup.js';

export function journeyServer(): JourneyServer {
  const servers = inject('journeyServers');
  const pool = Number(process.env.VITEST_POOL_ID ?? 1);
  return servers[(pool - 1) % servers.length];
}
