// The demo question banks: one humanities bank and one proficiency bank per 执业类别.
import type { QuestionBank } from '../../../../common/question-bank.js';
import { clinicalBank } from './clinical.js';
import { dentalBank } from './dental.js';
import { humanitiesBank } from './humanities.js';
import { publicHealthBank } from './public-health.js';
import { tcmBank } from './tcm.js';

export { clinicalBank, dentalBank, humanitiesBank, publicHealthBank, tcmBank };

export const demoQuestionBanks: QuestionBank[] = [humanitiesBank, clinicalBank, dentalBank, publicHealthBank, tcmBank];
