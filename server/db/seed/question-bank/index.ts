// The demo question banks: one humanities bank and one proficiency bank per 执业类别.
import type { QuestionBank } from '../../../../common/question-bank.js';
import { humanitiesBank } from './humanities.js';

export { humanitiesBank };

export const demoQuestionBanks: QuestionBank[] = [humanitiesBank];
