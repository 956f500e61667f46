// 人脸识别监考告知 (PIPL art. 28–30: a face image is sensitive personal information, processed only with separate
// consent after being told what is taken, why, who sees it and how long it is kept). Declining is allowed: the
// physician is told the alternative (现场监考 arranged by the institution) and the test does not start online.
import { Alert, Button, Card, Flex, Typography } from 'antd';
import type { ProctoringSettings } from '../../../../../common/schemas/proctoring';

export type ConsentChoice = 'pending' | 'agreed' | 'declined';

export function ProctoringConsent({ settings, choice, onChoose }: { settings: ProctoringSettings; choice: ConsentChoice; onChoose: (c: ConsentChoice) => void }) {
  return (
    <Card size="small" title="人脸识别监考告知（须单独同意）" className="proctoring-consent">
      <ul className="exam-rules">
        <li>
          <b>采集什么：</b>开始考试时及考试过程中随机 {settings.snapshots} 次，通过摄像头拍摄您的面部照片（小尺寸 JPG 图片）。人脸信息属于敏感个人信息。
        </li>
        <li>
          <b>为什么采集：</b>与您报名时上传的照片比对人脸相似度，核实是否本人参加考试。比对结果只供人工复核参考，不会单独据此判定考试不合格。
        </li>
        <li>
          <b>谁能看到：</b>您所在的医疗卫生机构、其考核机构和有管辖权的卫生行政部门的监考人员；每次查看均留有记录。
        </li>
        <li>
          <b>保存多久：</b>考核周期结束后 {settings.retentionDays} 天，到期自动删除。
        </li>
        <li>
          <b>不同意怎么办：</b>您可以拒绝。拒绝或没有摄像头时不能在线开始本考试，请联系所在医疗卫生机构安排现场监考。
        </li>
      </ul>
      {choice === 'declined' ? (
        <Alert
          type="warning"
          showIcon
          message="您未同意人脸识别监考，不能在线开始考试"
          description="请联系您所在的医疗卫生机构，由其安排现场监考；如改变主意，可点击“同意”后开始考试。"
          action={<Button size="small" onClick={() => onChoose('agreed')}>同意</Button>}
        />
      ) : (
        <Flex gap={8} wrap>
          <Button type={choice === 'agreed' ? 'primary' : 'default'} onClick={() => onChoose('agreed')} aria-pressed={choice === 'agreed'}>
            {choice === 'agreed' ? '已同意采集人脸照片用于监考' : '同意采集人脸照片用于监考'}
          </Button>
          <Button onClick={() => onChoose('declined')}>不同意</Button>
        </Flex>
      )}
      {choice === 'agreed' && <Typography.Text type="secondary">开始考试后浏览器会询问是否允许使用摄像头，请选择“允许”。</Typography.Text>}
    </Card>
  );
}
