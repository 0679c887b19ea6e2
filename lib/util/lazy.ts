/**
 * Builds a value the first time it is used. zod schemas cost real time to construct (several ms for
 * the set here), and the content script runs on every CalJOBS page: most of them never need one.
 */
export function lazy<T extends object>(make: () => T): T {
  let value: T | undefined;
  const get = (): T => (value ??= make());
  return new Proxy(Object.create(null) as T, {
    get: (_target, prop) => Reflect.get(get(), prop),
    has: (_target, prop) => Reflect.has(get(), prop),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_target, prop) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(get(), prop);
      if (descriptor) descriptor.configurable = true;
      return descriptor;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(get()),
  });
}
