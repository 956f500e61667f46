import { Typography } from 'antd';
import { SYSTEM_NAME } from '../../../components/DocumentTitle';
import './agreement.css';

export interface AgreementSection {
  heading: string;
  paragraphs: string[];
}

interface Props {
  title: string;
  updated: string;
  preface: string;
  sections: AgreementSection[];
}

/** A public legal text (服务协议, 隐私条款), readable on a phone. */
export function AgreementArticle({ title, updated, preface, sections }: Props) {
  return (
    <main className="agreement-page">
      <article className="agreement-article">
        <Typography.Text type="secondary" className="agreement-system">
          {SYSTEM_NAME}
        </Typography.Text>
        <Typography.Title level={2} className="agreement-title">
          {title}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="agreement-updated">
          更新日期：{updated}
        </Typography.Paragraph>
        <Typography.Paragraph>{preface}</Typography.Paragraph>
        {sections.map((section) => (
          <section key={section.heading}>
            <Typography.Title level={4}>{section.heading}</Typography.Title>
            {section.paragraphs.map((paragraph) => (
              <Typography.Paragraph key={paragraph}>{paragraph}</Typography.Paragraph>
            ))}
          </section>
        ))}
      </article>
    </main>
  );
}
