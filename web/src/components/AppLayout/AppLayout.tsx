import { useIsMutating } from '@tanstack/react-query';
import { App as AntApp, Drawer, Grid, Layout } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { switchRoleKey } from '../../api/auth';
import { ErrorBoundary } from '../ErrorBoundary';
import { PageSpin } from '../PageSpin';
import { SideMenu } from './SideMenu';
import { TopBar } from './TopBar';
import './AppLayout.css';

/**
 * The logged-in shell: top bar, the role's left menu (a drawer below 992 px), and the page.
 * antd's <App> (message, modal, notification) lives here, so the login page does not load it.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const screens = Grid.useBreakpoint();
  const narrow = screens.lg === false;
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  // While 切换 runs the page is let go: nothing it asks for can reach the server under the other role.
  const switching = useIsMutating({ mutationKey: switchRoleKey }) > 0;

  return (
    <AntApp>
      <Layout className="app-layout">
        <Layout.Header className="app-header">
          <TopBar narrow={narrow} onOpenMenu={() => setMenuOpen(true)} />
        </Layout.Header>
        <Layout>
          {narrow ? (
            <Drawer
              placement="left"
              size={240}
              open={menuOpen}
              onClose={() => setMenuOpen(false)}
              title="菜单"
              styles={{ body: { padding: 0 } }}
            >
              <SideMenu onNavigate={() => setMenuOpen(false)} />
            </Drawer>
          ) : (
            <Layout.Sider width={208} className="app-sider">
              <SideMenu />
            </Layout.Sider>
          )}
          <Layout.Content className="app-content">
            {/* Every navigation starts its page anew, also one to the page already open (a menu item clicked again). */}
            <ErrorBoundary key={location.key}>
              {switching ? <PageSpin /> : <Suspense fallback={<PageSpin />}>{children}</Suspense>}
            </ErrorBoundary>
          </Layout.Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}
