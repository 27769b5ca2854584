/**
 * A schema built on first use instead of when its module loads. Every message handler's module is
 * loaded when the service worker starts, so building every zod schema there was most of the
 * worker's start-up script time (docs/performance.md, worker cold start); wrapped like this, a
 * schema is built the first time anything reads it — a parse, `.shape`, `.extend()`, another
 * schema that uses it being built — and that same object answers ever after.
 *
 *   export const caseRecord = lazySchema(() => z.strictObject({ … }));
 *
 * The type is the schema's own (`z.infer<typeof caseRecord>` is unchanged).
 */
const built = new WeakMap<object, () => object>();

export function lazySchema<T extends object>(build: () => T): T {
  let real: T | undefined;
  const schema = (): T => (real ??= build());
  const proxy = new Proxy({} as T, {
    get: (_target, key) => Reflect.get(schema(), key, schema()),
    set: (_target, key, value) => Reflect.set(schema(), key, value),
    has: (_target, key) => Reflect.has(schema(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      // A proxy may not report a property as non-configurable that its (empty) target lacks.
      if (descriptor) descriptor.configurable = true;
      return descriptor;
    },
  });
  built.set(proxy, schema);
  return proxy;
}

/**
 * The schema object itself behind a lazy one (built now if it was not), or `schema` when it is not
 * lazy. For code that compares schemas by identity or keys maps by them (the JSON Schema
 * generator's metadata): a schema's own methods (`.optional()`, `.array()`) hand out the object
 * itself, while schemas built around a lazy one hold the wrapper.
 */
export function schemaItself<T extends object>(schema: T): T {
  return (built.get(schema)?.() as T | undefined) ?? schema;
}
