import { HomeOutlined } from '@ant-design/icons';
import type { MenuEntry } from './types';

/** The left menu of the 医疗卫生机构 (institution), in the order of the manuals. Add items here as pages are built. */
export const institutionMenu: MenuEntry[] = [{ path: '/', label: '首页', icon: <HomeOutlined /> }];
