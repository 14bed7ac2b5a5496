// The Auth0 converter: a tenant export in, an oauth-ro configuration and warnings out.
export { convertAuth0Export, type ConvertedAuth0Export, type ConvertAuth0ExportOptions } from './convert/convert-auth0-export.js';
export { scriptsBeside } from './convert/scripts-beside.js';

// The user import: an Auth0 export (or an oauth-ro backup) into a UserStore, record by record.
export { importUsers, type ImportCounts, type ImportUsersOptions } from './import/import-users.js';
export { readExportRecords, MAX_RECORD_CHARS, type ExportRecord } from './import/read-export-records.js';
export { parseAuth0User } from './import/parse-auth0-user.js';
export { importableHashKind, MAX_ARGON2ID, type ImportableHash } from './import/password-hash.js';
