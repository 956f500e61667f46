// Turning 考核政策 options on and off as the provincial authority does (GET, then PUT with the changes).
import type { PolicyRules } from '../../common/schemas/policy.js';
import type { Client } from './app.js';

export async function setPolicyRules(provincialAuthority: Client, changes: Partial<PolicyRules>): Promise<void> {
  const { provinceCode: _p, canEdit: _c, ...fields } = (await provincialAuthority.get('/api/v1/policy')).json();
  const response = await provincialAuthority.request('PUT', '/api/v1/policy', { ...fields, ...changes });
  if (response.statusCode !== 200) throw new Error(`policy save failed: ${response.body}`);
}
