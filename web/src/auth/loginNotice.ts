// A message for the next login page to show (e.g. 登录已过期，请重新登录). It cannot travel in the
// navigation state: the route guard may redirect to /login first, without that state.
let pending: string | null = null;

export function setLoginNotice(text: string): void {
  pending = text;
}

export function peekLoginNotice(): string | null {
  return pending;
}

export function clearLoginNotice(): void {
  pending = null;
}
