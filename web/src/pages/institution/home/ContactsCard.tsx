import { Alert, Card, Descriptions } from 'antd';
import type { Contact, InstitutionHome } from '../../../../../common/schemas/institution-home';

function contactItems(prefix: string, contact: Contact) {
  return [
    { key: `${prefix}-name`, label: prefix, children: contact.name, span: 'filled' as const },
    { key: `${prefix}-person`, label: '联系人', children: contact.contactPerson ?? '—' },
    { key: `${prefix}-phone`, label: '联系电话', children: contact.contactPhone ?? '—' },
  ];
}

/** 联系方式: the assigned 考核机构 and the 行政机构 (seed 002 §1.8); without an assessor, whom to ask (seed 004 FAQ 11). */
export function ContactsCard({ contacts }: { contacts: InstitutionHome['contacts'] }) {
  return (
    <Card title="联系方式" className="home-contacts">
      {contacts.assessor ? (
        <Descriptions size="small" column={2} items={contactItems('考核机构', contacts.assessor)} />
      ) : (
        <Alert type="warning" showIcon title={contacts.noAssessorMessage} className="home-contacts-alert" />
      )}
      <Descriptions size="small" column={2} items={contactItems('行政机构', contacts.authority)} className="home-contacts-authority" />
    </Card>
  );
}
