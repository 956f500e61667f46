import { Button, Popconfirm, Space } from 'antd';
import type { RosterItem } from '../../../../../common/schemas/physician';
import { initialPasswordText } from '../../../../../common/password';
import { useDeletePhysician, useEnrol, useResetPhysicianPassword } from '../../../api/physicians';
import { useCurrentUser } from '../../../auth/currentUser';
import { useActionFeedback } from '../../../lib/useActionFeedback';

interface Props {
  row: RosterItem;
  /** Without a current cycle nobody can be enrolled. */
  canEnrol: boolean;
  onView: (row: RosterItem) => void;
  onCancel: (row: RosterItem) => void;
  onTransferOut: (row: RosterItem) => void;
  /** 打回报名 and 隐藏, where the 考核政策 allows them (the server lists them in `actions`). */
  onInstitutionReturn: (row: RosterItem) => void;
  onHide: (row: RosterItem) => void;
  /** The row left this tab (参加, 删除): it must not stay among the chosen rows. */
  onGone: (id: number) => void;
}

/** 参加, 取消参加, 查看, 重置密码, 删除, 调离, 打回报名, 隐藏 — only those the server lists in `actions`. */
export function RowActions({ row, canEnrol, onView, onCancel, onTransferOut, onInstitutionReturn, onHide, onGone }: Props) {
  const enrol = useEnrol();
  const resetPassword = useResetPhysicianPassword();
  const remove = useDeletePhysician();
  const initial = initialPasswordText(useCurrentUser().initialPasswordRule, 'physician');
  // Popconfirm's onConfirm returns nothing, so antd closes it at once instead of keeping its OK button loading.
  const run = useActionFeedback();
  const has = (action: RosterItem['actions'][number]) => row.actions.includes(action);
  return (
    <Space size={0} wrap>
      {has('enrol') && (
        <Button
          type="link"
          size="small"
          disabled={!canEnrol}
          loading={enrol.isPending}
          onClick={() => void run(() => enrol.mutateAsync({ physicianIds: [row.id] }), `已将${row.name}纳入本周期考核`, () => onGone(row.id))}
        >
          参加
        </Button>
      )}
      {has('cancel') && (
        <Button type="link" size="small" onClick={() => onCancel(row)}>
          取消参加
        </Button>
      )}
      {has('view') && (
        <Button type="link" size="small" onClick={() => onView(row)}>
          查看
        </Button>
      )}
      {has('resetPassword') && (
        <Popconfirm
          title="确认重置密码？"
          description={`密码将恢复为初始密码（${initial}），并清除该医师绑定的手机号`}
          onConfirm={() => void run(() => resetPassword.mutateAsync(row.id), `密码已重置，${initial}`)}
        >
          <Button type="link" size="small">
            重置密码
          </Button>
        </Popconfirm>
      )}
      {has('delete') && (
        <Popconfirm title="确认删除该医师？" description="删除后不可恢复" onConfirm={() => void run(() => remove.mutateAsync(row.id), '医师已删除', () => onGone(row.id))}>
          <Button type="link" size="small" danger>
            删除
          </Button>
        </Popconfirm>
      )}
      {has('transferOut') && (
        <Button type="link" size="small" onClick={() => onTransferOut(row)}>
          调离
        </Button>
      )}
      {has('institutionReturn') && (
        <Button type="link" size="small" onClick={() => onInstitutionReturn(row)}>
          打回报名
        </Button>
      )}
      {has('hide') && (
        <Button type="link" size="small" onClick={() => onHide(row)}>
          隐藏
        </Button>
      )}
    </Space>
  );
}
