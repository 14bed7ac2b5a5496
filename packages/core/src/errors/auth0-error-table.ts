import type { OAuthErrorCode } from './error-table.js';

/**
 * The errors `/dbconnections/*` answer in Auth0's own body shape (`{name, message?, code,
 * description, policy?, statusCode}`) rather than `{error, error_description}`: the shape auth0.js
 * (`err.code`, `err.description`, `err.policy`, `err.name`), Lock and the Auth0 SDKs branch on.
 * `message`: whether Auth0 sent one (the error classes of password policy did).
 */
export const AUTH0_ERROR_NAMES: Readonly<Partial<Record<OAuthErrorCode, { readonly name: string; readonly message: boolean }>>> = {
  user_exists: { name: 'BadRequestError', message: false },
  username_exists: { name: 'BadRequestError', message: false },
  invalid_password: { name: 'PasswordStrengthError', message: true },
  password_dictionary_error: { name: 'PasswordDictionaryError', message: true },
  password_no_user_info_error: { name: 'PasswordNoUserInfoError', message: true },
  password_history_error: { name: 'PasswordHistoryError', message: true },
};
