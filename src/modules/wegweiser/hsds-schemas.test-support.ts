import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/**
 * The Open Referral HSDS 3.0 schemas of ../shared/reference/hsds3/schema, for
 * the tests: every response schema of its openapi.json, with the remote
 * `$ref`s (raw.githubusercontent.com/openreferral/specification/3.0/schema/…)
 * resolved to the local copies (nothing outside the machine is reached).
 */

const folder = process.env.MOSAIK_HSDS_SCHEMAS ?? '/work/shared/reference/hsds3/schema';
const remote = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';
// ajv-formats is CommonJS: its default export arrives wrapped under ESM
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

type Json = Record<string, any>;
let ajv: Ajv2020 | undefined;
let openapi: Json;

function validator(): Ajv2020 {
  if (ajv) return ajv;
  // HSDS schemas carry extra keywords (name, core, constraints, example, datapackage_metadata): not strict
  ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  const add = (file: string, id: string) => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Json;
    delete schema.$schema;
    ajv!.addSchema({ ...schema, $id: id });
  };
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.json') && n !== 'openapi.json')) add(join(folder, name), `${remote}${name}`);
  for (const name of readdirSync(join(folder, 'compiled')).filter((n) => n.endsWith('.json'))) add(join(folder, 'compiled', name), `${remote}compiled/${name}`);
  openapi = JSON.parse(readFileSync(join(folder, 'openapi.json'), 'utf8')) as Json;
  return ajv;
}

/** Replaces the openapi document's own `#/components/…` references by what they point at. */
function inline(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(inline);
  if (!node || typeof node !== 'object') return node;
  const object = node as Json;
  if (typeof object.$ref === 'string' && object.$ref.startsWith('#/components/')) {
    const target = object.$ref.slice(2).split('/').reduce((at: Json, key: string) => at[key], openapi);
    return inline(target);
  }
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, inline(value)]));
}

const compiled = new Map<string, ValidateFunction>();

/** The validator of the 200 response of GET `path` (as openapi.json writes it: '/services/{id}'). */
export function responseValidator(path: string): ValidateFunction {
  const known = compiled.get(path);
  if (known) return known;
  const instance = validator();
  const schema = inline(openapi.paths[path].get.responses['200'].content['application/json'].schema) as Json;
  const validate = instance.compile(schema);
  compiled.set(path, validate);
  return validate;
}

/** The validator of one HSDS object ('compiled/service.json', 'taxonomy.json', …). */
export function objectValidator(file: string): ValidateFunction {
  const instance = validator();
  const validate = instance.getSchema(`${remote}${file}`);
  if (!validate) throw new Error(`no HSDS schema ${file}`);
  return validate;
}

/** Errors of a validation as short lines ('/contents/0/email must match format "email"'), for assertion messages. */
export const errorsOf = (validate: ValidateFunction) => (validate.errors ?? []).slice(0, 10).map((error) => `${error.instancePath} ${error.message}`);
