/** The CloudBase environment the console is built for (VITE_TCB_ENV); unset: the local host (docs/console.md). */
export function cloudEnv(): string | undefined {
  return (import.meta.env.VITE_TCB_ENV as string | undefined) || undefined
}
