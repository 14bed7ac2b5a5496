import type { GenericSchema } from 'valibot';

export function configJsonSchema(schema: GenericSchema, auth0OnlyProblem: string): Record<string, unknown>;
export function configJsonSchemaText(schema: GenericSchema, auth0OnlyProblem: string): string;
