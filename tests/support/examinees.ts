// The six DEMO0003 physicians the demo data leaves in 待参加考核, one journey each (the journeys share one server,
// and a test once started can only be resumed): whoever needs an examinee takes its own from here.
export const JOURNEY_EXAMINEES = {
  exams: '510107198903071245',
  examsPhone: '430104197905017951',
  retakes: '110105197701289658',
  examProgress: '430111198312189844',
  proctoring: ['110105199708185447', '440106198909084851'],
} as const;
