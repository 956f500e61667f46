import type { ThemeConfig } from 'antd';

export const BRAND_COLOR = '#1a5fb4';

/** People who asked their system for less motion (prefers-reduced-motion) get none: menus, lists and dialogs appear at once. */
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

export const theme: ThemeConfig = {
  token: {
    motion: !reducedMotion,
    colorPrimary: BRAND_COLOR,
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#123f7a', headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff' },
  },
};
