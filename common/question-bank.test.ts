import { describe, expect, it } from 'vitest';
import { demoQuestionBanks } from '../server/db/seed/question-bank/index.js';
import { bankItemSchema, optionLetters, parseBankItem, questionBankSchema, questionCount, questionTypes, type BankItem, type QuestionBank } from './question-bank.js';
import { practiceCategories } from './enums.js';

const bankName = (bank: QuestionBank) => `${bank.paper}${bank.practiceCategory ? `/${bank.practiceCategory}` : ''}`;
const stemsOf = (item: BankItem): string[] => ('questions' in item ? item.questions.map((q) => `${'shared' in item ? item.shared : item.sharedOptions.join('|')}｜${q.stem}`) : [item.stem]);

describe('question bank schema', () => {
  const a1 = { type: 'A1', stem: '题干', options: ['甲', '乙', '丙', '丁', '戊'], answer: 'C', explanation: '解析', difficulty: 1 };
  const messages = (item: unknown) => {
    const result = parseBankItem(item);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it('accepts a well-formed item of each kind', () => {
    expect(messages(a1)).toEqual([]);
    expect(messages({ ...a1, type: 'X', options: ['甲', '乙', '丙', '丁'], answer: 'BD' })).toEqual([]);
    expect(messages({ ...a1, type: 'TF', options: [], answer: 'F' })).toEqual([]);
    expect(messages({ type: 'B1', sharedOptions: a1.options, questions: [{ stem: '一', answer: 'A', explanation: '解', difficulty: 1 }, { stem: '二', answer: 'A', explanation: '解', difficulty: 2 }] })).toEqual([]);
  });

  it('names the field of what is wrong, in Chinese', () => {
    expect(messages({ ...a1, options: ['甲', '乙', '丙', '丁'] })).toEqual(['A1型题选项须为5个（A–E）']);
    expect(messages({ ...a1, answer: 'F' })).toEqual(['答案须为A–E中的一个字母']);
    expect(messages({ ...a1, stem: ' ' })).toEqual(['请输入题干']);
    expect(messages({ ...a1, difficulty: 4 })).toEqual(['难度须为1（易）、2（中）或3（难）']);
    expect(messages({ ...a1, type: 'X', answer: 'A' })[0]).toMatch(/^X型题答案须为/);
    expect(messages({ ...a1, type: 'X', answer: 'CA' })[0]).toMatch(/按字母顺序/);
    expect(messages({ ...a1, type: 'TF', options: [], answer: 'A' })).toEqual(['判断题答案须为T（正确）或F（错误）']);
    expect(messages({ ...a1, type: 'Z' })).toEqual(['题型须为A1、A2、A3、A4、B1、X或TF']);
    expect(messages({ type: 'A3', shared: '病例', questions: [{ stem: '一', options: a1.options, answer: 'A', explanation: '解', difficulty: 1 }] })).toEqual(['共用题干题须有2–6个子题']);
    expect(messages({ type: 'B1', sharedOptions: a1.options, questions: [{ stem: '一', answer: 'G', explanation: '解', difficulty: 1 }, { stem: '二', answer: 'A', explanation: '解', difficulty: 1 }] })).toEqual(['答案须为A–E中的一个字母']);
    expect(questionBankSchema.safeParse({ paper: 'proficiency', items: [] }).error?.issues[0].message).toBe('业务水平题须填写执业类别');
    expect(bankItemSchema.safeParse({ ...a1, answer: 'Z' }).error?.issues[0]).toMatchObject({ path: ['answer'], message: '答案须为A–E中的一个字母' });
  });

  it('gives the item back with its texts trimmed', () => {
    expect(bankItemSchema.parse({ ...a1, stem: ' 题干 ', options: [' 甲', '乙', '丙', '丁', '戊'] })).toMatchObject({ stem: '题干', options: ['甲', '乙', '丙', '丁', '戊'] });
  });
});

describe('demo question banks', () => {
  it('has the humanities bank and one proficiency bank per 执业类别', () => {
    expect(demoQuestionBanks.map(bankName).sort()).toEqual(['humanities', ...practiceCategories.map((c) => `proficiency/${c}`)].sort());
  });

  for (const bank of demoQuestionBanks) {
    describe(bankName(bank), () => {
      it('passes the schema item by item', () => {
        const result = questionBankSchema.safeParse(bank);
        expect(result.error?.issues ?? []).toEqual([]);
      });

      it('has enough questions, counting group children', () => {
        const count = bank.items.reduce((n, item) => n + questionCount(item), 0);
        expect(count).toBeGreaterThanOrEqual(bank.paper === 'humanities' ? 120 : 60);
      });

      it('has every item type (A3 or A4 for case groups)', () => {
        const types = new Set(bank.items.map((item) => item.type));
        for (const type of questionTypes.filter((t) => t !== 'A3' && t !== 'A4')) expect(types, type).toContain(type);
        expect(types.has('A3') || types.has('A4')).toBe(true);
      });

      it('has no duplicate stems', () => {
        const stems = bank.items.flatMap(stemsOf);
        expect(stems.filter((s, i) => stems.indexOf(s) !== i)).toEqual([]);
      });

      it('answers X questions with two or more of their own letters and B1 questions from the shared list', () => {
        for (const item of bank.items) {
          if (item.type === 'X') {
            expect(item.answer.length, item.stem).toBeGreaterThanOrEqual(2);
            for (const letter of item.answer) expect(optionLetters.indexOf(letter as never), item.stem).toBeLessThan(item.options.length);
          }
          if (item.type === 'B1') for (const q of item.questions) expect(optionLetters.indexOf(q.answer as never), q.stem).toBeLessThan(item.sharedOptions.length);
        }
      });

      it('has distinct options within each question', () => {
        for (const item of bank.items) {
          const lists = 'questions' in item ? (item.type === 'B1' ? [item.sharedOptions] : item.questions.map((q) => q.options)) : [item.options];
          for (const options of lists) expect(new Set(options).size, options.join('|')).toBe(options.length);
        }
      });
    });
  }
});
