import { UserOutlined } from '@ant-design/icons';
import { Descriptions, Flex, Image, Table, Typography, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { enrolmentStatusLabels, idTypeLabels, physicianLevelLabels, practiceCategoryLabels, sexLabels } from '../../../../common/enums';
import { assessmentResultLabels } from '../../../../common/schemas/assessment-info';
import type { PhysicianDetail } from '../../../../common/schemas/physician';
import { fileUrl } from '../../api/physicians';
import { IdNumberReveal } from './IdNumberReveal';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);
const period = (start: string | null, end: string | null) => (start || end ? `${start ?? '—'} ~ ${end ?? '至今'}` : '—');

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="roster-detail-section" aria-label={title}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {children}
    </section>
  );
}

/** A small table whose empty state says 暂无数据. */
function ListTable<T extends object>({ rows, columns }: { rows: T[]; columns: TableProps<T>['columns'] }) {
  return (
    <Table<T>
      size="small"
      // The rows have no id of their own: their position is their key.
      dataSource={rows.map((row, index) => ({ ...row, key: index }))}
      columns={columns}
      pagination={false}
      scroll={{ x: 560 }}
      locale={{ emptyText: '暂无数据' }}
    />
  );
}

function Photo({ fileId }: { fileId: string | null }) {
  if (!fileId) {
    return (
      <div className="roster-photo roster-photo-empty" aria-label="未上传照片">
        <UserOutlined />
        <span>未上传照片</span>
      </div>
    );
  }
  return <Image src={fileUrl(fileId)} alt="医师照片" width={112} className="roster-photo" />;
}

/** 基本信息 (with photo), 执业信息, 多点执业, 教育经历, 执业经历, 考核历史. */
export function PhysicianDetailSections({ detail }: { detail: PhysicianDetail }) {
  const { basic, practice } = detail;
  return (
    <Flex vertical gap={24}>
      <Section title="基本信息">
        <Flex gap={24} wrap="wrap-reverse" align="start">
          <Descriptions
            className="roster-detail-info"
            column={{ xs: 1, sm: 2 }}
            size="small"
            bordered
            items={[
              { key: 'name', label: '姓名', children: basic.name },
              { key: 'sex', label: '性别', children: sexLabels[basic.sex] },
              { key: 'idType', label: '证件类型', children: idTypeLabels[basic.idType] },
              { key: 'idNumber', label: '证件号码', children: <IdNumberReveal physicianId={detail.id} masked={basic.idNumberMasked} /> },
              { key: 'birthDate', label: '出生年月', children: dash(basic.birthDate) },
              { key: 'age', label: '年龄', children: dash(basic.age) },
              { key: 'ethnicity', label: '民族', children: dash(basic.ethnicity) },
              { key: 'education', label: '学历', children: dash(basic.education) },
              { key: 'email', label: '电子邮箱', children: dash(basic.email) },
              { key: 'mobile', label: '手机号码', children: dash(basic.mobile) },
              { key: 'institution', label: '医疗机构', children: detail.institutionName, span: 'filled' },
            ]}
          />
          <Photo fileId={basic.photoFileId} />
        </Flex>
      </Section>
      <Section title="执业信息">
        <Descriptions
          column={{ xs: 1, sm: 2 }}
          size="small"
          bordered
          items={[
            { key: 'department', label: '科室', children: dash(practice.departmentName) },
            { key: 'specialty', label: '从事专业', children: dash(practice.specialtyName ?? practice.specialty) },
            { key: 'title', label: '职称', children: dash(practice.title) },
            { key: 'titleDate', label: '职称取得时间', children: dash(practice.titleDate) },
            { key: 'position', label: '职务', children: dash(practice.position) },
            { key: 'positionDate', label: '职务取得时间', children: dash(practice.positionDate) },
            { key: 'level', label: '医师级别', children: practice.physicianLevel ? physicianLevelLabels[practice.physicianLevel] : '—' },
            { key: 'trainee', label: '规培生', children: practice.residentTrainee === null ? '—' : practice.residentTrainee ? '是' : '否' },
            { key: 'category', label: '执业类别', children: practiceCategoryLabels[practice.practiceCategory] },
            { key: 'scope', label: '执业范围', children: practice.practiceScope },
            { key: 'license', label: '执业证书编码', children: practice.licenseNumber },
            { key: 'licenseDate', label: '执业证取得时间', children: dash(practice.licenseDate) },
            { key: 'qualification', label: '资格证书编码', children: practice.qualificationNumber },
            { key: 'qualificationDate', label: '资格证取得时间', children: dash(practice.qualificationDate) },
            { key: 'firstRegistration', label: '首次注册时间', children: dash(practice.firstRegistrationDate) },
          ]}
        />
      </Section>
      <Section title="多点执业">
        <ListTable
          rows={detail.multiSites}
          columns={[
            { title: '执业机构', dataIndex: 'institutionName' },
            { title: '科室', dataIndex: 'departmentName', render: dash },
          ]}
        />
      </Section>
      <Section title="教育经历">
        <ListTable
          rows={detail.educations}
          columns={[
            { title: '学历', dataIndex: 'education', width: 120 },
            { title: '学校', dataIndex: 'school' },
            { title: '专业', dataIndex: 'major', render: dash },
            { title: '起止时间', key: 'period', width: 220, render: (_v, r) => period(r.startDate, r.endDate) },
          ]}
        />
      </Section>
      <Section title="执业经历">
        <ListTable
          rows={detail.careers}
          columns={[
            { title: '执业机构', dataIndex: 'institutionName' },
            { title: '职称', dataIndex: 'title', render: dash },
            { title: '起止时间', key: 'period', width: 220, render: (_v, r) => period(r.startDate, r.endDate) },
          ]}
        />
      </Section>
      <Section title="考核历史">
        <ListTable
          rows={detail.history}
          columns={[
            { title: '考核周期', dataIndex: 'cycleName' },
            { title: '医疗机构', dataIndex: 'institutionName' },
            { title: '考核状态', dataIndex: 'status', render: (v: PhysicianDetail['enrolmentStatus']) => enrolmentStatusLabels[v] },
            { title: '考核结果', dataIndex: 'result', width: 96, render: (v: 'passed' | 'failed' | null) => (v ? assessmentResultLabels[v] : '—') },
          ]}
        />
      </Section>
    </Flex>
  );
}
