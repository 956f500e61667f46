import { PaperClipOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Image, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { clinicalSubjectLabel } from '../../../../../common/clinical-subjects';
import { idTypeLabels, physicianLevelLabels, practiceCategoryLabels, sexLabels, type PhysicianLevel, type PracticeCategory, type Sex } from '../../../../../common/enums';
import {
  exemptedPaperLabel,
  exemptionStatusLabels,
  licenseKindLabels,
  procedureLabels,
  registrationFileSlots,
  registrationStepLabels,
  simplifiedReasonLabels,
  workloadLabels,
  type Procedure,
  type Registration,
  type RegistrationFileSlot,
  type SimplifiedReason,
} from '../../../../../common/schemas/registration';
import { useDepartmentOptions } from '../../../api/departments';
import { registrationFileUrl } from '../../../api/registration';
import { slotLabel } from './SlotFiles';

type Json = Record<string, unknown>;
const text = (v: unknown): ReactNode => (v === null || v === undefined || v === '' ? '—' : String(v));
const yesNo = (v: unknown, yes = '有', no = '无') => (v === true ? yes : v === false ? no : '—');
const column = { xs: 1, md: 2 } as const;

function Section({ title, items }: { title: string; items: DescriptionsProps['items'] }) {
  return (
    <Card title={title} size="small">
      <Descriptions size="small" column={column} items={items} className="registration-readonly" />
    </Card>
  );
}

function Files({ registration, slot }: { registration: Registration; slot: RegistrationFileSlot }) {
  const files = registration.files.filter((f) => f.slot === registrationFileSlots[slot]);
  if (files.length === 0) return <Typography.Text type="secondary">未上传</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {files.map((f) => (
        <Typography.Link key={f.id} href={registrationFileUrl(f.id)} target="_blank" rel="noreferrer" className="slot-file-name">
          <PaperClipOutlined /> {f.name}
        </Typography.Link>
      ))}
    </Flex>
  );
}

/** Rows of a repeatable list, one line each. */
function Rows({ rows, line }: { rows: unknown; line: (row: Json) => string }) {
  const list = Array.isArray(rows) ? (rows as Json[]) : [];
  if (list.length === 0) return <>无</>;
  return (
    <Flex vertical gap={2}>
      {list.map((row, i) => (
        <span key={i}>{line(row)}</span>
      ))}
    </Flex>
  );
}

const period = (row: Json) => `${text(row.startDate)} 至 ${row.endDate ? String(row.endDate) : '今'}`;

/** The registration as submitted (or as it stands outside the 报名 window): every step, read-only. */
export function ReadOnlyRegistration({ registration }: { registration: Registration }) {
  const departments = useDepartmentOptions();
  const basic = registration.basic ?? {};
  const practice = registration.practice ?? {};
  const experience = registration.experience ?? {};
  const conduct = registration.conduct ?? {};
  const procedure = registration.procedure ?? {};
  const workload = (conduct.workload ?? {}) as Json;
  const departmentName = departments.data?.find((d) => d.id === practice.departmentId)?.name;
  const chosen = (procedure.procedure as Procedure | undefined) ?? null;

  return (
    <Flex vertical gap={16}>
      <Section
        title={registrationStepLabels.basic}
        items={[
          {
            key: 'photo',
            label: '头像',
            children: registration.identity.photoFileId ? (
              <Image src={registrationFileUrl(registration.identity.photoFileId)} alt="医师照片" width={72} />
            ) : (
              '未上传'
            ),
          },
          { key: 'name', label: '姓名', children: text(basic.name) },
          { key: 'sex', label: '性别', children: text(sexLabels[basic.sex as Sex]) },
          { key: 'idType', label: '证件类型', children: idTypeLabels[registration.identity.idType] },
          { key: 'idNumber', label: '证件号码', children: registration.identity.idNumberMasked },
          { key: 'birthDate', label: '出生年月', children: text(basic.birthDate) },
          { key: 'ethnicity', label: '民族', children: text(basic.ethnicity) },
          { key: 'education', label: '学历', children: text(basic.education) },
          { key: 'email', label: '电子邮箱', children: text(basic.email) },
          { key: 'mobile', label: '手机号码', children: text(basic.mobile) },
        ]}
      />
      <Section
        title={registrationStepLabels.practice}
        items={[
          { key: 'department', label: '科室', children: text(departmentName) },
          { key: 'specialty', label: '从事专业', children: practice.specialty ? clinicalSubjectLabel(String(practice.specialty)) : '—' },
          { key: 'title', label: '职称', children: text(practice.title) },
          { key: 'titleDate', label: '取得时间', children: text(practice.titleDate) },
          { key: 'position', label: '职务', children: text(practice.position) },
          { key: 'positionDate', label: '任职时间', children: text(practice.positionDate) },
          { key: 'level', label: '医师级别', children: text(physicianLevelLabels[practice.physicianLevel as PhysicianLevel]) },
          { key: 'trainee', label: '规培生', children: yesNo(practice.residentTrainee, '是', '否') },
          { key: 'category', label: '执业类别', children: text(practiceCategoryLabels[practice.practiceCategory as PracticeCategory]) },
          { key: 'scope', label: '执业范围', children: text(practice.practiceScope) },
          { key: 'qualificationNumber', label: '资格证书编码', children: text(practice.qualificationNumber) },
          { key: 'qualificationDate', label: '取得时间', children: text(practice.qualificationDate) },
          { key: 'licenseNumber', label: '执业证书编码', children: text(practice.licenseNumber) },
          { key: 'licenseDate', label: '取得时间', children: text(practice.licenseDate) },
          { key: 'practiceStatus', label: '执业情况', children: text(practice.practiceStatus) },
          { key: 'licenseKind', label: '执业证书形式', children: text(licenseKindLabels[practice.licenseKind as keyof typeof licenseKindLabels]) },
          ...(practice.licenseKind === 'electronic'
            ? [{ key: 'electronic', label: slotLabel('electronicLicense'), children: <Files registration={registration} slot="electronicLicense" /> }]
            : [
                { key: 'page1', label: slotLabel('licensePage1'), children: <Files registration={registration} slot="licensePage1" /> },
                { key: 'page2', label: slotLabel('licensePage2'), children: <Files registration={registration} slot="licensePage2" /> },
              ]),
        ]}
      />
      <Section
        title={registrationStepLabels.experience}
        items={[
          { key: 'multiSites', label: '多点执业', span: 'filled', children: <Rows rows={experience.multiSites} line={(r) => [r.institutionName, r.departmentName].filter(Boolean).join(' · ')} /> },
          { key: 'educations', label: '教育经历', span: 'filled', children: <Rows rows={experience.educations} line={(r) => `${period(r)} ${text(r.school)} ${text(r.major)} ${text(r.education)}`} /> },
          { key: 'careers', label: '执业经历', span: 'filled', children: <Rows rows={experience.careers} line={(r) => `${period(r)} ${text(r.institutionName)}${r.title ? ` ${String(r.title)}` : ''}`} /> },
        ]}
      />
      <Section
        title={registrationStepLabels.conduct}
        items={[
          { key: 'good', label: '良好执业行为记录', children: yesNo(conduct.hasGoodRecord) },
          ...(conduct.hasGoodRecord
            ? [
                { key: 'awards', label: '受到的表彰、奖励', children: text(conduct.awards) },
                { key: 'tasks', label: '完成的政府指令性任务', children: text(conduct.tasks) },
                { key: 'research', label: '取得的科研成果', children: text(conduct.research) },
              ]
            : []),
          { key: 'bad', label: '不良执业行为记录', children: yesNo(conduct.hasBadRecord) },
          ...(conduct.hasBadRecord
            ? [{ key: 'badRecords', label: '不良记录', span: 'filled' as const, children: <Rows rows={conduct.badRecords} line={(r) => `${text(r.closedOn)} ${text(r.institutionName)}：${text(r.cause)}，${text(r.outcome)}`} /> }]
            : []),
          ...registration.workloadKinds.map((kind) => ({ key: kind, label: workloadLabels[kind], children: text(workload[kind]) })),
          { key: 'ethics', label: '职业道德自我评价', span: 'filled', children: <span className="registration-longtext">{text(conduct.ethicsSelfAssessment)}</span> },
        ]}
      />
      <Section
        title={registrationStepLabels.procedure}
        items={[
          { key: 'procedure', label: '考核程序', children: chosen ? procedureLabels[chosen] : '—' },
          ...(chosen === 'simplified'
            ? [
                { key: 'reason', label: '简易程序申请理由', children: text(simplifiedReasonLabels[procedure.simplifiedReason as SimplifiedReason]) },
                { key: 'material', label: '申请材料', children: <Files registration={registration} slot="simplifiedMaterial" /> },
                ...(registration.simplifiedCheck ? [{ key: 'check', label: '数据核对', children: registration.simplifiedCheck.message }] : []),
                { key: 'statement', label: '个人述职', span: 'filled' as const, children: <span className="registration-longtext">{text(procedure.statement)}</span> },
              ]
            : []),
          { key: 'exemption', label: '申请免考', children: yesNo(procedure.exemptionRequested, '是', '否') },
          ...(procedure.exemptionRequested
            ? [
                { key: 'exemptionPaper', label: '免考科目', children: chosen ? exemptedPaperLabel[chosen] : '—' },
                { key: 'exemptionStatus', label: '免考状态', children: exemptionStatusLabels[registration.exemptionStatus] },
                { key: 'exemptionReason', label: '免考理由', span: 'filled' as const, children: text(procedure.exemptionReason) },
                { key: 'exemptionMaterial', label: '免考材料', children: <Files registration={registration} slot="exemptionMaterial" /> },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
