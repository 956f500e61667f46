// What another public page may tell the login page through the navigation state.
export interface LoginState {
  passwordReset?: boolean;
}

export const LOGIN_STATE_PASSWORD_RESET: LoginState = { passwordReset: true };

export function readLoginState(state: unknown): LoginState {
  return typeof state === 'object' && state !== null ? (state as LoginState) : {};
}
