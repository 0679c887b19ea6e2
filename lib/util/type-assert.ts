/** Compile-time check that a zod schema's type is exactly the hand-written type it validates. */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export function assertType<_T extends true>(): void {}
