import { App } from 'antd';
import { useNavigate } from 'react-router';
import { roleLabels } from '../../../../common/enums';
import { useLogout, useSwitchRole } from '../../api/auth';
import { errorMessage } from '../../api/client';
import { useCurrentUser } from '../../auth/currentUser';
import { CHANGE_PASSWORD_PATH } from '../../auth/RequireAuth';

/** The top bar's account actions: 切换, 修改密码, 退出. */
export function useAccountActions() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const switchRole = useSwitchRole();
  const logout = useLogout();

  const target = me.mustChangePassword ? null : me.switchableTo;

  return {
    /** The label of the 切换 button, or null when this session cannot switch. */
    switchLabel: target ? `切换为${roleLabels[target]}` : null,
    switching: switchRole.isPending,
    switchRole: () => {
      if (!target) return;
      switchRole.mutate(target, {
        onSuccess: (next) => {
          void navigate('/', { replace: true });
          message.success(`已切换为${roleLabels[next.role]}`);
        },
        onError: (error) => message.error(errorMessage(error)),
      });
    },
    changePassword: () => void navigate(CHANGE_PASSWORD_PATH),
    loggingOut: logout.isPending,
    logout: () => {
      logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
    },
  };
}
