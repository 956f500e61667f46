import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BankCount } from '../../../common/schemas/question-bank.js';
import type { PaperRules } from '../../../common/schemas/paper-rules.js';
import { bankIndex } from '../../modules/exams/bank-index.js';
import { drawPaper } from '../../modules/exams/draw.js';
import { loginAs, type Client, type TestApp, createTestApp } from '../../test-support/app.js';
import { bankRevision } from '../../test-support/question-bank-factories.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { seedDemo } from './demo.js';

let t: TestApp;
let authority: Client;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, t.pii);
  authority = await loginAs(t.app, 'wjw990000', DEMO_PASSWORD);
});
afterAll(() => t.close());

describe('the demo 题库 and 试卷规则', () => {
  it('loads the demo banks into the demo province: ≥ 120 humanities questions, ≥ 60 per 执业类别', async () => {
    const { counts } = (await authority.get('/api/v1/question-bank/counts')).json() as { counts: BankCount[] };
    const total = (category: string | null) => counts.filter((c) => c.practiceCategory === category).reduce((n, c) => n + c.questions, 0);
    expect(total(null)).toBeGreaterThanOrEqual(120);
    for (const category of ['clinical', 'dental', 'publicHealth', 'tcm']) expect(total(category), category).toBeGreaterThanOrEqual(60);
    expect(new Set(counts.filter((c) => c.paper === 'humanities').map((c) => c.type))).toEqual(new Set(['A1', 'A2', 'A3', 'A4', 'B1', 'X', 'TF']));
  });

  it('sets a rule for every card of the demo cycle: 50 questions, 100 points, 60 to pass, 60 minutes', async () => {
    const rules = (await authority.get('/api/v1/paper-rules')).json() as PaperRules;
    expect(rules.cycle?.name).toBe('2024-2026年度');
    for (const card of rules.cards) {
      expect(card.rule, card.title).toMatchObject({ totalQuestions: 50, totalPoints: 100, passScore: 60, durationMinutes: 60, multipleScoring: 'all_or_nothing', reviewAllowed: true });
    }
  });

  it('every demo rule can be drawn from the bank (and saved again as it is)', async () => {
    const rules = (await authority.get('/api/v1/paper-rules')).json() as PaperRules;
    const revision = await bankRevision(t.db, '990000');
    for (const card of rules.cards) {
      const index = await bankIndex(t.db, '990000', card.paper, card.practiceCategory, revision);
      for (let i = 0; i < 20; i++) expect(drawPaper(index, card.rule!.sections)?.length, card.title).toBe(50);
      const { id: _id, totalQuestions: _q, totalPoints: _p, ...rule } = card.rule!;
      const saved = await authority.put('/api/v1/paper-rules', { ...rule, paper: card.paper, practiceCategory: card.practiceCategory });
      expect(saved.statusCode, saved.body).toBe(200);
    }
  });
});
