/**
 * The shape validator: schemas/gpai.schema.json compiled by ajv with ajvOptions.json. Here it is compiled
 * when first needed (the unit tests run this module); the bundles replace this module with ajv's standalone
 * code for the same schema and options, generated when they are built (scripts/validatorCode.mjs), so that
 * the server and the CLI start without compiling the schema (0.3-0.9 s and ~20 MB).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import schema from '../../../schemas/gpai.schema.json';
import options from './ajvOptions.json';

export function compileValidator(): ValidateFunction {
  return new Ajv(options).compile(schema);
}
