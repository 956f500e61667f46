import { HomeOutlined } from '@ant-design/icons';
import type { MenuEntry } from './types';

/** The left menu of the 卫生行政部门 (authority), in the order of the manuals. Add items here as pages are built. */
export const authorityMenu: MenuEntry[] = [{ path: '/', label: '首页', icon: <HomeOutlined /> }];
