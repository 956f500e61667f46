import { Checkbox, type CheckboxProps } from 'antd';

interface Props {
  checked?: boolean;
  onChange?: CheckboxProps['onChange'];
}

/** 阅读并接受《服务协议》和《隐私条款》; the two titles open the texts in a new tab. */
export function AgreementCheckbox({ checked, onChange }: Props) {
  return (
    <Checkbox checked={checked} onChange={onChange}>
      阅读并接受
      <a href="/agreement/service" target="_blank" rel="noopener noreferrer">
        《服务协议》
      </a>
      和
      <a href="/agreement/privacy" target="_blank" rel="noopener noreferrer">
        《隐私条款》
      </a>
    </Checkbox>
  );
}
