import type { FormInstance } from 'antd';
import type { Registration, RegistrationFileSlot } from '../../../../../../common/schemas/registration';

/** Messages of 提交 that do not sit on a form field: a file slot or the photo. */
export type OuterErrors = Partial<Record<RegistrationFileSlot | 'photo', string>>;

export interface StepProps {
  form: FormInstance;
  /** The saved (or prefilled) values, set once when the page opens. */
  initialValues: Record<string, unknown>;
  registration: Registration;
  outerErrors: OuterErrors;
  /** A file or the photo changed: the message of 提交 about it is no longer true. */
  onOuterChange: (key: RegistrationFileSlot | 'photo') => void;
}

/** Two columns on wide screens, one on phones. */
export const half = { xs: 24, md: 12 } as const;
