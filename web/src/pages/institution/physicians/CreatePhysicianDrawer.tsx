import { Alert, App, Button, Divider, Drawer, Form, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PHYSICIAN_EXISTS, type PhysicianBody } from '../../../../../common/schemas/physician';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { useDepartmentOptions } from '../../../api/departments';
import { useCreatePhysician, useUploadPhysicianPhoto } from '../../../api/physicians';
import { BasicInfoFields } from './BasicInfoFields';
import { bodyOf, identityFromId, physicianField, problemsOf, type PhysicianFormValues } from './physicianForm';
import { PracticeInfoFields } from './PracticeInfoFields';
import { useInFlight } from '../../../lib/useInFlight';

/** 新增医师 (seed 004 slide 8): 基本信息 / 执业信息, checked by the API's schema; 保存 / 返回. */
export function CreatePhysicianDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PhysicianFormValues>();
  const [photo, setPhoto] = useState<File | null>(null);
  const [exists, setExists] = useState(false);
  const departments = useDepartmentOptions();
  const create = useCreatePhysician();
  const uploadPhoto = useUploadPhysicianPhoto();

  const close = () => {
    form.resetFields();
    setPhoto(null);
    setExists(false);
    onClose();
  };

  const showFieldErrors = (problems: Partial<Record<string, string>>) => {
    const names = Object.keys(problems).filter((name) => name in physicianField);
    form.setFields(names.map((name) => ({ name: name as keyof PhysicianFormValues, errors: [problems[name] ?? ''] })));
    return names.length;
  };

  const once = useInFlight();
  const save = (values: PhysicianFormValues) => once(() => saveNow(values));
  const saveNow = async (values: PhysicianFormValues) => {
    const body: PhysicianBody = bodyOf(values);
    // The per-field rules passed; these are the checks across fields (出生年月 / 性别 vs 证件号码, 执业范围 vs 执业类别).
    if (showFieldErrors(problemsOf(body)) > 0) return;
    setExists(false);
    try {
      const created = await create.mutateAsync(body);
      if (photo) {
        try {
          await uploadPhoto.mutateAsync({ id: created.id, file: photo });
        } catch (error) {
          void message.warning(`医师已新增，照片上传失败：${errorMessage(error)}`);
        }
      }
      void message.success(`已新增医师「${created.basic.name}」`);
      close();
    } catch (error) {
      if (isApiRequestError(error) && (error.message === PHYSICIAN_EXISTS || error.fields.idNumber === PHYSICIAN_EXISTS)) {
        setExists(true);
        form.setFields([{ name: 'idNumber', errors: [PHYSICIAN_EXISTS] }]);
        form.scrollToField('idNumber', { block: 'center' });
        void message.error(PHYSICIAN_EXISTS);
        return;
      }
      const named = isApiRequestError(error) ? showFieldErrors(error.fields) : 0;
      if (named === 0) void message.error(errorMessage(error));
    }
  };

  const onValuesChange = (changed: Partial<PhysicianFormValues>, all: PhysicianFormValues) => {
    if ('idNumber' in changed || 'idType' in changed) {
      setExists(false);
      const identity = identityFromId(all.idType, all.idNumber);
      if (identity) form.setFieldsValue(identity);
    }
    // 从事专业 belongs to the chosen 科室, 执业范围 to the chosen 执业类别.
    if ('departmentId' in changed) form.setFieldValue('specialty', undefined);
    if ('practiceCategory' in changed) form.setFieldValue('practiceScope', undefined);
  };

  const saving = create.isPending || uploadPhoto.isPending;
  return (
    <Drawer
      title="新增医师"
      size="min(880px, 100vw)"
      open={open}
      onClose={close}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存
          </Button>
          <Button onClick={close}>返回</Button>
        </Space>
      }
    >
      {exists && (
        <Alert
          type="warning"
          showIcon
          className="physician-exists"
          title={PHYSICIAN_EXISTS}
          action={
            <Button
              size="small"
              onClick={() => {
                const idNumber = form.getFieldValue('idNumber') as string | undefined;
                close();
                void navigate('/transfer-in', { state: { idNumber: idNumber?.trim() } });
              }}
            >
              前往调入医师
            </Button>
          }
        />
      )}
      <Form<PhysicianFormValues>
        form={form}
        name="createPhysician"
        layout="horizontal"
        labelCol={{ flex: '116px' }}
        wrapperCol={{ flex: 'auto' }}
        labelWrap
        initialValues={{ idType: 'resident' }}
        onValuesChange={onValuesChange}
        onFinish={(values) => void save(values)}
        autoComplete="off"
        className="physician-form"
      >
        <Divider titlePlacement="start">基本信息</Divider>
        <BasicInfoFields photo={photo} onPhotoChange={setPhoto} />
        <Divider titlePlacement="start">执业信息</Divider>
        <PracticeInfoFields departments={departments.data ?? []} departmentsLoading={departments.isLoading} />
      </Form>
    </Drawer>
  );
}
