import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { useRevealIdNumber } from '../../api/physicians';

/** The masked 证件号码 with 显示: every click asks the server again, which records who looked. */
export function IdNumberReveal({ physicianId, masked }: { physicianId: number; masked: string }) {
  const { message } = App.useApp();
  const reveal = useRevealIdNumber();
  const [full, setFull] = useState<string | null>(null);
  const show = () =>
    reveal.mutate(physicianId, {
      onSuccess: ({ idNumber }) => setFull(idNumber),
      onError: (error) => void message.error(errorMessage(error)),
    });
  return (
    <Space size={4} wrap>
      <span className="roster-id-number">{full ?? masked}</span>
      {full ? (
        <Button type="link" size="small" onClick={() => setFull(null)}>
          隐藏
        </Button>
      ) : (
        <Button type="link" size="small" loading={reveal.isPending} onClick={show}>
          显示
        </Button>
      )}
    </Space>
  );
}
