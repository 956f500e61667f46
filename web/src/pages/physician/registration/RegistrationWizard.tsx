import { Alert, App, Button, Card, Flex, Form, Grid, Steps, type FormInstance } from 'antd';
import { useRef, useState, type ComponentType } from 'react';
import { registrationStepLabels, registrationSteps, type Registration, type RegistrationFileSlot, type RegistrationStep } from '../../../../../common/schemas/registration';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { useSaveStep, useSubmitRegistration } from '../../../api/registration';
import { useInFlight } from '../../../lib/useInFlight';
import { bodyOf, formValuesOf, namePath, problemsOf, resumeStep, type FormValues } from './registrationForm';
import { BasicStep } from './steps/BasicStep';
import { ConductStep } from './steps/ConductStep';
import { ExperienceStep } from './steps/ExperienceStep';
import { PracticeStep } from './steps/PracticeStep';
import { ProcedureStep } from './steps/ProcedureStep';
import type { OuterErrors, StepProps } from './steps/types';

const LAST = registrationSteps.length - 1;
const stepComponents: Record<Exclude<RegistrationStep, 'procedure'>, ComponentType<StepProps>> = {
  basic: BasicStep,
  practice: PracticeStep,
  experience: ExperienceStep,
  conduct: ConductStep,
};

function useStepForms(): Record<RegistrationStep, FormInstance> {
  const [basic] = Form.useForm();
  const [practice] = Form.useForm();
  const [experience] = Form.useForm();
  const [conduct] = Form.useForm();
  const [procedure] = Form.useForm();
  return { basic, practice, experience, conduct, procedure };
}

/**
 * 我要报名: five steps, each saved as a draft by 保存草稿 / 保存并下一步; all five forms stay mounted so going
 * back and forth keeps what was typed. 提交 saves what is unsaved, then the server checks every step; its
 * problems open the step of the first one and sit on their fields.
 */
export function RegistrationWizard({ registration }: { registration: Registration }) {
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const forms = useStepForms();
  const [initial] = useState(() => Object.fromEntries(registrationSteps.map((s) => [s, formValuesOf(registration, s)])) as Record<RegistrationStep, FormValues>);
  const [current, setCurrent] = useState(() => resumeStep(registration));
  const [outerErrors, setOuterErrors] = useState<OuterErrors>({});
  /** Steps with a problem of 提交 (marked in the Steps); the message is shown when it is about the whole step. */
  const [stepErrors, setStepErrors] = useState<Partial<Record<RegistrationStep, string | null>>>({});
  const top = useRef<HTMLDivElement>(null);
  const saveStep = useSaveStep();
  const submit = useSubmitRegistration();
  const once = useInFlight();

  const go = (index: number) => {
    setCurrent(index);
    top.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };

  const clearOuter = (key: RegistrationFileSlot | 'photo') => setOuterErrors(({ [key]: _gone, ...rest }) => rest);

  /**
   * Validates and saves one step; the server's field messages land on the fields. A draft (保存草稿) keeps what
   * is filled in so far: the server checks only the values given, 提交 checks the whole step.
   */
  const save = async (step: RegistrationStep, { draft = false } = {}): Promise<boolean> => {
    const form = forms[step];
    let values: FormValues;
    try {
      values = draft ? (form.getFieldsValue(true) as FormValues) : ((await form.validateFields()) as FormValues);
    } catch (invalid) {
      const first = (invalid as { errorFields?: { errors: string[] }[] }).errorFields?.[0]?.errors[0];
      void message.error(`${registrationStepLabels[step]}：${first ?? '请按提示修改标红的项目'}`);
      return false;
    }
    try {
      await saveStep.mutateAsync({ step, body: bodyOf(step, values, registration.workloadKinds), draft });
      setStepErrors(({ [step]: _gone, ...rest }) => rest);
      return true;
    } catch (error) {
      if (isApiRequestError(error)) form.setFields(Object.entries(error.fields).map(([field, text]) => ({ name: namePath(field), errors: [text] })));
      void message.error(errorMessage(error));
      return false;
    }
  };

  const saveOnly = async () => {
    if (await save(registrationSteps[current], { draft: true })) void message.success(`${registrationStepLabels[registrationSteps[current]]}已保存为草稿`);
  };

  const saveAndNext = async () => {
    if (await save(registrationSteps[current])) go(current + 1);
  };

  /** 提交 sends what is on screen: every step edited since it was saved, or never saved, is saved first. */
  const send = () => once(sendNow);
  const sendNow = async () => {
    for (const [index, step] of registrationSteps.entries()) {
      const pending = step === 'procedure' || forms[step].isFieldsTouched() || !registration.savedSteps.includes(step);
      if (pending && !(await save(step))) {
        go(index);
        return;
      }
    }
    try {
      await submit.mutateAsync();
      void message.success('报名信息已提交，等待医疗卫生机构审核');
    } catch (error) {
      void message.error(errorMessage(error));
      if (!isApiRequestError(error) || error.status !== 422) return;
      const problems = problemsOf(error.fields);
      const outer: OuterErrors = {};
      const steps: Partial<Record<RegistrationStep, string | null>> = {};
      for (const problem of problems) {
        const { target } = problem;
        if (target.kind === 'field') forms[problem.step].setFields([{ name: target.name, errors: [problem.message] }]);
        else if (target.kind === 'file') outer[target.slot] = problem.message;
        else if (target.kind === 'photo') outer.photo = problem.message;
        steps[problem.step] = target.kind === 'step' ? problem.message : (steps[problem.step] ?? null);
      }
      setOuterErrors(outer);
      setStepErrors(steps);
      const [first] = problems;
      if (!first) return;
      if (first.target.kind !== 'field') {
        go(registrationSteps.indexOf(first.step));
        return;
      }
      // Straight to the first field with a problem, once its step is shown.
      const { name } = first.target;
      setCurrent(registrationSteps.indexOf(first.step));
      requestAnimationFrame(() => forms[first.step].scrollToField(name, { block: 'center', behavior: 'smooth' }));
    }
  };

  const busy = saveStep.isPending || submit.isPending;
  const stepProps = (step: RegistrationStep): StepProps => ({
    form: forms[step],
    initialValues: initial[step],
    registration,
    outerErrors,
    onOuterChange: clearOuter,
  });

  return (
    <Flex vertical gap={16} ref={top} className="registration-wizard">
      {registration.returnReason !== null && (
        <Alert type="warning" showIcon title="报名信息被驳回，请按驳回理由修改后重新提交" description={`驳回理由：${registration.returnReason}`} />
      )}
      <Card className="registration-steps-card">
        <Steps
          current={current}
          onChange={go}
          size="small"
          titlePlacement={narrow ? 'vertical' : 'horizontal'}
          responsive={false}
          className="registration-steps"
          items={registrationSteps.map((step, index) => ({
            key: step,
            title: registrationStepLabels[step],
            status: step in stepErrors ? 'error' : index === current ? 'process' : registration.savedSteps.includes(step) ? 'finish' : 'wait',
          }))}
        />
      </Card>
      {registrationSteps.map((step, index) => {
        const Step = step === 'procedure' ? null : stepComponents[step];
        return (
          <div key={step} hidden={index !== current}>
            <Card title={`${index + 1} ${registrationStepLabels[step]}`} className="registration-step-card">
              {stepErrors[step] && <Alert type="error" showIcon title={stepErrors[step]} className="registration-alert" />}
              {Step ? <Step {...stepProps(step)} /> : <ProcedureStep {...stepProps(step)} conductForm={forms.conduct} />}
            </Card>
          </div>
        );
      })}
      <Flex gap={12} wrap className="registration-actions">
        {current > 0 && (
          <Button onClick={() => go(current - 1)} disabled={busy}>
            上一步
          </Button>
        )}
        <Button onClick={() => void saveOnly()} loading={saveStep.isPending && !submit.isPending} disabled={submit.isPending}>
          保存草稿
        </Button>
        {current < LAST ? (
          <Button type="primary" onClick={() => void saveAndNext()} loading={saveStep.isPending}>
            保存并下一步
          </Button>
        ) : (
          <Button type="primary" onClick={() => void send()} loading={busy}>
            提交
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
