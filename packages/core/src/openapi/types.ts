/** A JSON Schema (2020-12 dialect, as OpenAPI 3.1 uses it). Kept open: the renderer and validators read it as data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** `{ $ref }` to a component. */
export interface Reference {
  readonly $ref: string;
}

/** One named example of a media type. */
export interface ExampleObject {
  readonly summary?: string;
  readonly value: unknown;
}

export interface MediaTypeObject {
  readonly schema: JsonSchema;
  readonly examples?: Readonly<Record<string, ExampleObject>>;
}

export interface HeaderObject {
  readonly description: string;
  readonly required?: boolean;
  readonly schema: JsonSchema;
}

export interface ResponseObject {
  readonly description: string;
  readonly headers?: Readonly<Record<string, HeaderObject>>;
  /** Absent for a response without a body (204). */
  readonly content?: Readonly<Record<string, MediaTypeObject>>;
}

export interface ParameterObject {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header';
  readonly description: string;
  readonly required?: boolean;
  readonly schema: JsonSchema;
}

export interface RequestBodyObject {
  readonly description?: string;
  readonly required?: boolean;
  readonly content: Readonly<Record<string, MediaTypeObject>>;
}

/** Security requirement: scheme name → scopes (always empty here). `{}` means "none needed". */
export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

export interface OperationObject {
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly parameters?: readonly ParameterObject[];
  readonly requestBody?: RequestBodyObject;
  /** Status code (as text) → response. */
  readonly responses: Readonly<Record<string, ResponseObject>>;
  readonly security?: readonly SecurityRequirement[];
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'options';

/** The operations of one path. */
export type PathItemObject = Partial<Readonly<Record<HttpMethod, OperationObject>>>;

export interface SecuritySchemeObject {
  readonly type: 'http';
  readonly scheme: 'bearer' | 'basic';
  readonly bearerFormat?: string;
  readonly description: string;
}

/** The OpenAPI 3.1 document oauth-ro describes itself with. */
export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly jsonSchemaDialect: string;
  readonly info: { readonly title: string; readonly version: string; readonly description: string; readonly license: { readonly name: string; readonly identifier: string } };
  readonly servers: readonly { readonly url: string }[];
  readonly tags: readonly { readonly name: string; readonly description: string }[];
  readonly paths: Readonly<Record<string, PathItemObject>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>;
    readonly responses: Readonly<Record<string, ResponseObject>>;
    readonly securitySchemes: Readonly<Record<string, SecuritySchemeObject>>;
  };
}
