import { Flex, Typography } from 'antd';
import { registrationFileSlots } from '../../../../common/schemas/registration';
import type { ReviewRecord } from '../../../../common/schemas/review';
import { PhysicianDetailSections } from '../roster/PhysicianDetailSections';
import '../roster/roster.css';
import { FileThumbnails } from './RecordFiles';

const { licensePage1, licensePage2, electronicLicense } = registrationFileSlots;
const licenseLabels = { [licensePage1]: '执业证书第一页', [licensePage2]: '执业证书第二页', [electronicLicense]: '电子证照' };

/** 医师信息: the registry record as submitted, and the 执业证书 pages (seed 004 slide 16: 执业证书或电子证照). */
export function PhysicianTab({ record }: { record: ReviewRecord }) {
  return (
    <Flex vertical gap={24}>
      <PhysicianDetailSections detail={record.physician} />
      <section className="roster-detail-section" aria-label="执业证书或电子证照">
        <Typography.Title level={5}>执业证书或电子证照</Typography.Title>
        <Typography.Paragraph type="secondary" className="review-hint">
          执业证书或电子证照须含目前执业机构注册信息；纸质执业证书上传2页，电子证照上传1页。点击图片查看大图。
        </Typography.Paragraph>
        <FileThumbnails files={record.files} slots={[licensePage1, licensePage2, electronicLicense]} labels={licenseLabels} />
      </section>
    </Flex>
  );
}
