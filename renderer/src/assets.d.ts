/** What Vite gives for the imports the renderer uses beyond code (the clerk's guide and its pictures). */
declare module '*.md?raw' {
  const text: string;
  export default text;
}

interface ImportMeta {
  glob<T>(pattern: string, options: { eager: true; query: '?url'; import: 'default' }): Record<string, T>;
}
