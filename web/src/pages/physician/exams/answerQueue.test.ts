import { describe, expect, it } from 'vitest';
import { acknowledge, initialState, pendingList, record } from './answerQueue';

describe('the answer queue', () => {
  it('numbers answers in order and keeps them until the server acknowledges that number or a newer one', () => {
    let state = initialState([{ position: 0, answer: 'A', seq: 4 }], null);
    expect(state).toMatchObject({ answers: { 0: 'A' }, seq: 4 });
    state = record(state, 1, 'B');
    state = record(state, 1, 'C');
    state = record(state, 2, 'T');
    expect(pendingList(state)).toEqual([
      { position: 1, answer: 'C', seq: 6 },
      { position: 2, answer: 'T', seq: 7 },
    ]);
    // An acknowledgement of the older answer to question 2 leaves the newer one queued.
    state = acknowledge(state, [{ position: 1, seq: 6 }, { position: 2, seq: 5 }]);
    expect(pendingList(state)).toEqual([{ position: 2, answer: 'T', seq: 7 }]);
    expect(state.answers).toEqual({ 0: 'A', 1: 'C', 2: 'T' });
  });

  it('after a reload shows what this browser chose but the server has not got, and never an older one', () => {
    const stored = { pending: { 0: { answer: 'B', seq: 3 }, 1: { answer: 'D', seq: 9 } }, seq: 9 };
    const state = initialState(
      [
        { position: 0, answer: 'C', seq: 5 },
        { position: 1, answer: 'A', seq: 2 },
      ],
      stored,
    );
    expect(state.answers).toEqual({ 0: 'C', 1: 'D' });
    expect(pendingList(state)).toEqual([{ position: 1, answer: 'D', seq: 9 }]);
    expect(record(state, 3, 'A').pending[3].seq).toBe(10);
  });
});
